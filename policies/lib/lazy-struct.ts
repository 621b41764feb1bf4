/**
 * A protobuf Struct whose fields are built on the first read as protobuf (a
 * serialization, `getFieldsMap`, `toObject`), for values that a reader in this
 * process mostly takes back as JavaScript: a subclass answers `toJavaScript()`
 * from the value it holds and says how to build the real Struct. Used for a
 * resource's inputs on the in-process client (cli/engine/analyzer-proto.ts)
 * and for the pack's config schemas (analyzer-info.ts). A class, not closures:
 * a large stack keeps thousands alive.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export abstract class LazyStructBase extends Struct {
  private built: Struct | undefined;

  /** The Struct this one stands for, built from the value held. */
  protected abstract build(): Struct;

  protected full(): Struct {
    return (this.built ??= this.build());
  }

  override getFieldsMap(...a: Parameters<Struct["getFieldsMap"]>) {
    return this.full().getFieldsMap(...a);
  }
  override clearFieldsMap() {
    this.full().clearFieldsMap();
    return this;
  }
  override serializeBinary() {
    return this.full().serializeBinary();
  }
  override toObject(...a: Parameters<Struct["toObject"]>) {
    return this.full().toObject(...a);
  }
  override cloneMessage(): this {
    // A built Struct with the same fields: what the caller can use in place of this one.
    return this.full().cloneMessage() as this;
  }
  override toArray() {
    return this.full().toArray();
  }
}
