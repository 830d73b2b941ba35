#!/usr/bin/perl
# Sandbox launcher: the first process of every sandboxed command.
#
#   launcher.pl [--prctl SYSCALL_NR] [--cgroup PROCS_FILE]... [--seccomp FILE] -- COMMAND...
#
# Node cannot call prctl(), so this small Perl program (perl-base is Essential in Debian)
# does what the service cannot:
#  - becomes a child subreaper, so processes orphaned inside the chain (e.g. bwrap's inner
#    half when its outer half is killed first) are reaped here instead of becoming zombies
#    under a PID 1 that may never reap them;
#  - dies with the service (PR_SET_PDEATHSIG), and bwrap --die-with-parent chains from here;
#  - stays OUTSIDE the sandbox cgroups, while the forked child joins them before exec, so a
#    cgroup.kill ends the whole sandboxed tree but never the reaper;
#  - opens the seccomp filter and passes its descriptor to bwrap (the pty path cannot pass
#    extra descriptors), substituting @SECCOMP_FD@ in the command line;
#  - waits until every descendant is gone, then exits with the main child's status.
# It starts on every run, so it loads no modules (POSIX alone costs ~8 ms): the prctl syscall
# number comes from the caller (it differs per architecture) and fcntl constants are inlined.

my $PR_SET_PDEATHSIG = 1;
my $PR_SET_CHILD_SUBREAPER = 36;
my ($F_GETFD, $F_SETFD, $FD_CLOEXEC) = (1, 2, 1);

my (@cgroup_procs, $seccomp_file, $prctl);
while (@ARGV && $ARGV[0] ne '--') {
  my $opt = shift @ARGV;
  if ($opt eq '--cgroup') { push @cgroup_procs, shift @ARGV }
  elsif ($opt eq '--prctl') { $prctl = shift @ARGV }
  elsif ($opt eq '--seccomp') { $seccomp_file = shift @ARGV }
  else { die "launcher: unknown option $opt\n" }
}
shift @ARGV;
die "launcher: no command\n" unless @ARGV;

my $parent = getppid();
if (defined $prctl) {
  syscall($prctl, $PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 or die "launcher: subreaper: $!\n";
  syscall($prctl, $PR_SET_PDEATHSIG, 9, 0, 0, 0) == 0 or die "launcher: pdeathsig: $!\n";
}
exit 125 if getppid() != $parent;    # the service died before PDEATHSIG was armed

my $child = fork() // die "launcher: fork: $!\n";
if ($child == 0) {
  for my $procs (@cgroup_procs) {
    open(my $fh, '>', $procs) or die "launcher: join $procs: $!\n";
    print $fh "$$\n";
    close($fh) or die "launcher: join $procs: $!\n";
  }
  my $filter;    # must outlive the if-block: leaving scope would close it
  if (defined $seccomp_file) {
    open($filter, '<', $seccomp_file) or die "launcher: seccomp $seccomp_file: $!\n";
    my $flags = fcntl($filter, $F_GETFD, 0);
    fcntl($filter, $F_SETFD, $flags & ~$FD_CLOEXEC) or die "launcher: fcntl: $!\n";
    my $fd = fileno($filter);
    s/\@SECCOMP_FD\@/$fd/g for @ARGV;
  }
  exec { $ARGV[0] } @ARGV;
  die "launcher: exec $ARGV[0]: $!\n";
}

# Stopping the launcher stops the tree: forward as SIGKILL, then keep reaping.
for my $sig (qw(TERM INT HUP)) {
  $SIG{$sig} = sub { kill 'KILL', $child };
}

my $status;
while (1) {
  my $pid = waitpid(-1, 0);
  if ($pid == -1) {
    last if 0 + $! == 10;    # ECHILD: nothing left to reap (%! would load Errno)
    next;
  }
  $status = $? if $pid == $child;
}
exit(($status & 127) ? 128 + ($status & 127) : ($status >> 8));
