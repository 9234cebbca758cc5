/**
 * Reading a TOML file the way Isola's files are read (the system file, board files): every problem at once, each
 * {@code file:line:col: key: message}. Below hal and the kernel, so both read with one copy.
 */
// tomlj is an automatic module (it names itself in its manifest); its tables are in this module's API.
@SuppressWarnings("requires-transitive-automatic")
module dev.isola.toml {
  requires transitive org.tomlj;

  exports dev.isola.toml;
}
