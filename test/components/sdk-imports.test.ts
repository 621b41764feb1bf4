/**
 * `import "paved"` loads only the provider namespaces the components use
 * (components/aws/sdk.ts, components/kubernetes/sdk.ts), not the whole
 * `@pulumi/aws` and `@pulumi/kubernetes` indexes: an AWS-only program no
 * longer loads the Kubernetes provider, nor a Kubernetes-only one the AWS
 * provider's 301 modules. The module graph is read in a plain Node process
 * (jest's module registry is not Node's `require.cache`), through the loader
 * `paved check` runs programs with.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as awsSdk from "../../components/aws/sdk";
import * as k8sSdk from "../../components/kubernetes/sdk";

const ROOT = path.resolve(__dirname, "..", "..");

/** The files under node_modules/<pkg>/ a fresh Node process has loaded after requiring `paved`. */
function loadedByPaved(): string[] {
  const script = `
    require(${JSON.stringify(path.join(ROOT, "bin", "bootstrap.js"))}).registerLoader();
    require(${JSON.stringify(path.join(ROOT, "components", "index.ts"))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));
  `;
  const files = JSON.parse(
    execFileSync(process.execPath, ["-e", script], { cwd: ROOT }).toString(),
  ) as string[];
  return files.map((f) => path.relative(path.join(ROOT, "node_modules"), f).split(path.sep).join("/"));
}

describe("import paved", () => {
  const loaded = loadedByPaved();

  test("does not load the @pulumi/aws or @pulumi/kubernetes index", () => {
    expect(loaded).toContain("@pulumi/aws/ec2/index.js");
    expect(loaded).toContain("@pulumi/kubernetes/core/v1/index.js");
    expect(loaded).not.toContain("@pulumi/aws/index.js");
    expect(loaded).not.toContain("@pulumi/kubernetes/index.js");
  });

  test("loads a few dozen provider modules, not hundreds", () => {
    const count = (pkg: string) => loaded.filter((f) => f.startsWith(`${pkg}/`)).length;
    // The whole indexes are 301 and 121 modules (components/*/sdk.ts).
    expect(count("@pulumi/aws")).toBeLessThan(100);
    expect(count("@pulumi/kubernetes")).toBeLessThan(50);
  });
});

describe("the sdk modules", () => {
  test("give the providers' own classes and functions, the ones their indexes export", () => {
    const aws = require("@pulumi/aws") as typeof import("@pulumi/aws");
    const k8s = require("@pulumi/kubernetes") as typeof import("@pulumi/kubernetes");
    expect(awsSdk.ec2.Vpc).toBe(aws.ec2.Vpc);
    expect(awsSdk.iam.Role).toBe(aws.iam.Role);
    expect(awsSdk.getCallerIdentityOutput).toBe(aws.getCallerIdentityOutput);
    expect(k8sSdk.core.v1.Namespace).toBe(k8s.core.v1.Namespace);
    expect(k8sSdk.Provider).toBe(k8s.Provider);
  });
});
