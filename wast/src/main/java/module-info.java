/** The spec testsuite harness: runs wast2json command scripts against an {@link dev.isola.runtime.Engine}. */
module dev.isola.wast {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;
  // SpecSuiteTest runs the suite on the compiler tier too.
  requires dev.isola.compiler;
  requires com.fasterxml.jackson.databind;

  exports dev.isola.wast;
}
