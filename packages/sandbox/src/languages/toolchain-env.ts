// Variables every sandboxed process gets (exec, terminal, test runs), so the toolchains work
// offline and keep their caches in the private /tmp rather than in the candidate's workspace
// (HOME is /workspace: go would otherwise fill /workspace/.cache with hundreds of files, shown
// in the file tree and counted against the workspace quota).
export const TOOLCHAIN_ENV: Readonly<Record<string, string>> = {
  GOCACHE: "/tmp/go-build",
  GOPATH: "/tmp/go",
  GOPROXY: "off",
  GOFLAGS: "-mod=mod",
  GOTELEMETRY: "off",
  // javac and java in the terminal find JUnit 5 (Debian junit5's console launcher with its
  // engine) next to the current directory, so the workspace's tests compile and run there too.
  CLASSPATH: ".:/usr/share/java/junit-platform-console-standalone.jar",
  // cargo in the terminal: offline, its home and build output in the private /tmp (the workspace
  // keeps only the candidate's files; ~/.cargo would be /workspace/.cargo).
  CARGO_HOME: "/tmp/cargo",
  CARGO_TARGET_DIR: "/tmp/cargo-target",
  CARGO_NET_OFFLINE: "true",
};
