/**
 * The one helper the component tests use to catch a component's validation
 * error: returns the PavedValidationError `fn` throws; any other error is
 * rethrown as is (so a raw TypeError fails the test), and no error fails it too.
 */
import { PavedValidationError } from "../../components/core/errors";

export function errorOf(fn: () => unknown): PavedValidationError {
  try {
    fn();
  } catch (e) {
    if (PavedValidationError.isInstance(e)) return e;
    throw e;
  }
  throw new Error("expected a PavedValidationError");
}
