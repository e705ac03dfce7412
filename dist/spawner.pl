# The process that starts the plan's commands, for the engine (src/ops/launch-perl.ts).
#
# Forking copies the page tables of the process that forks, and the child's exec tears the
# copy down again: from the engine, a Node process of 100 MiB and more, that costs about as much
# CPU per command as a small command itself. This process is a few MiB, so a command started by
# it costs what it costs from a shell. Only modules of perl-base (Debian's essential package).
#
# Frames both ways: a 32-bit big-endian length, then fields, each a 32-bit length and its bytes.
#   engine -> here:  env KEY NAME VALUE ...        environment variables shared by invocations
#                    run ID KEY CWD TIMEOUTMS ARGC ARGV... NAME VALUE ...
#                                                  (laid over env KEY; TIMEOUTMS 0 for none)
#                    stop ID                       SIGTERM to its group, SIGKILL 1.5 s later
#   here -> engine:  ready
#                    exit ID HOW N TIMEDOUT OUT OUTTOTAL OUTTAIL ERR ERRTOTAL ERRTAIL
#                      HOW: exit (N = code), signal (N = signal number), error (N = errno)
# An invocation runs in a process group of its own with stdout and stderr captured apart: the
# first KEEP bytes and the last TAIL bytes of each. When the engine is gone (EOF on its pipe),
# this process exits. It runs in a session
# of its own (the engine starts it detached), so terminal signals are the engine's to handle.
#
# A child runs as little perl as can be between fork and exec (each page it touches is faulted
# in or copied): this process sets the environment, the working directory and the child's
# file descriptors 0, 1 and 2 before it forks, and waits until the child has exec'd.
use strict;
use warnings;
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);
use POSIX qw(WNOHANG _exit dup2);

my $KEEP       = 1024 * 1024;
my $TAIL       = 4096;
my $GRACE      = 0.5;    # output may still come this long after the exit (a background child)
my $KILL_AFTER = 1.5;
my $POLL       = 0.1;     # the longest select sleeps while a command runs (see the main loop)
my $POLL_QUIET = 0.002;   # ... for QUIET_FOR seconds once its output has ended
my $QUIET_FOR  = 0.2;
my $TICKS      = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;

sub now { return (POSIX::times())[0] / $TICKS }

sub nonblocking {
    my ($fh) = @_;
    my $flags = fcntl($fh, F_GETFL, 0) or die "fcntl: $!";
    fcntl($fh, F_SETFL, $flags | O_NONBLOCK) or die "fcntl: $!";
}

sub frame { return pack('N/a*', pack('(N/a*)*', @_)) }

# Requests and replies move to descriptors above 2 (close-on-exec), which leaves 0, 1 and 2
# free to be set to what the next child gets; diagnostics go to the engine's stderr.
open(my $requests, '<&', \*STDIN)  or die "dup: $!";
open(my $replies,  '>&', \*STDOUT) or die "dup: $!";
open(my $diag,     '>&', \*STDERR) or die "dup: $!";
open(my $null,     '+<', '/dev/null') or die "/dev/null: $!";
$SIG{__WARN__} = sub { print $diag "bulk-ops spawner: $_[0]" };
$SIG{__DIE__}  = sub { print $diag "bulk-ops spawner: $_[0]" };
dup2(fileno($null), $_) for 0, 1, 2;

sub send_frame {
    my $buf = frame(@_);
    while (length $buf) {
        my $n = syswrite($replies, $buf);
        if (!defined $n) {
            next if $!{EINTR} || $!{EAGAIN};
            engine_gone();    # the engine is gone
        }
        substr($buf, 0, $n) = '';
    }
}

pipe(my $wake_r, my $wake_w) or die "pipe: $!";
nonblocking($_) for $wake_r, $wake_w;
# Handlers, not IGNORE: a child's exec resets them.
$SIG{CHLD} = sub { syswrite($wake_w, 'c') };
$SIG{PIPE} = sub { engine_gone() };
binmode $_ for $requests, $replies;
nonblocking($requests);
my $cwd_now = '';

my %envs;     # key => [NAME, VALUE, ...]
my %jobs;     # id => job
my %by_pid;   # pid => job
my @kills;    # [due, pgid]: SIGKILL for what a stop left
my $input = '';

sub new_stream { return { head => '', total => 0, tail => '' } }

sub keep {
    my ($s, $chunk) = @_;
    $s->{total} += length $chunk;
    $s->{head} .= substr($chunk, 0, $KEEP - length $s->{head}) if length $s->{head} < $KEEP;
    $s->{tail} .= $chunk;
    substr($s->{tail}, 0, length($s->{tail}) - $TAIL) = '' if length $s->{tail} > 2 * $TAIL;
}

sub no_output { return ('', 0, '', '', 0, '') }

sub start {
    my ($id, $key, $cwd, $timeout, $argv, $vars) = @_;
    my ($out_r, $out_w, $err_r, $err_w, $exec_r, $exec_w);
    if (!(pipe($out_r, $out_w) && pipe($err_r, $err_w) && pipe($exec_r, $exec_w))) {
        return send_frame('exit', $id, 'error', $! + 0, 0, no_output());
    }
    if ($cwd ne $cwd_now) {
        if (!chdir $cwd) {
            close $_ for $out_r, $out_w, $err_r, $err_w, $exec_r, $exec_w;
            return send_frame('exit', $id, 'error', $! + 0, 0, no_output());
        }
        $cwd_now = $cwd;
    }
    %ENV = (@{ $envs{$key} || [] }, @$vars);
    dup2(fileno($out_w), 1);
    dup2(fileno($err_w), 2);
    my $pid = fork();
    if (defined $pid && $pid == 0) {
        # A process group of its own (the parent sets it too, as shells do: whichever is first).
        setpgrp(0, 0);
        { no warnings 'exec'; exec { $argv->[0] } @$argv; }
        syswrite($exec_w, pack('N', $! + 0));
        _exit(127);
    }
    my $fork_errno = $! + 0;
    dup2(fileno($null), $_) for 1, 2;
    close $_ for $out_w, $err_w, $exec_w;
    if (!defined $pid) {
        close $_ for $out_r, $err_r, $exec_r;
        return send_frame('exit', $id, 'error', $fork_errno, 0, no_output());
    }
    setpgrp($pid, $pid);
    # Wait (as libuv does) until the child has exec'd: pages this process wrote meanwhile would be copied.
    my ($n, $errno);
    do { $n = sysread($exec_r, $errno, 4) } while (!defined $n && $!{EINTR});
    close $exec_r;
    if ($n) {
        waitpid($pid, 0);
        close $_ for $out_r, $err_r;
        return send_frame('exit', $id, 'error', unpack('N', $errno), 0, no_output());
    }
    nonblocking($_) for $out_r, $err_r;
    my $job = {
        id       => $id,
        pid      => $pid,
        out      => new_stream(),
        err      => new_stream(),
        open     => { out => $out_r, err => $err_r },
        deadline => $timeout ? now() + $timeout / 1000 : undef,
    };
    $jobs{$id} = $job;
    $by_pid{$pid} = $job;
}

sub stop_group {
    my ($pgid) = @_;
    kill 'TERM', -$pgid;
    push @kills, [ now() + $KILL_AFTER, $pgid ];
}

sub handle {
    my ($type, @f) = @_;
    if ($type eq 'env') {
        my $key = shift @f;
        $envs{$key} = \@f;
    } elsif ($type eq 'run') {
        my ($id, $key, $cwd, $timeout, $argc) = splice(@f, 0, 5);
        my @argv = splice(@f, 0, $argc);
        start($id, $key, $cwd, $timeout, \@argv, \@f);
    } elsif ($type eq 'stop') {
        my $job = $jobs{ $f[0] };
        stop_group($job->{pid}) if $job && !defined $job->{status};
    }
}

sub read_input {
    while (1) {
        my $n = sysread($requests, my $chunk, 65536);
        if (!defined $n) {
            return if $!{EAGAIN} || $!{EINTR};
            engine_gone();
        }
        engine_gone() if $n == 0;
        $input .= $chunk;
        while (length($input) >= 4) {
            my $len = unpack('N', $input);
            last if length($input) < 4 + $len;
            my $payload = substr($input, 4, $len);
            substr($input, 0, 4 + $len) = '';
            handle(unpack('(N/a*)*', $payload));
        }
    }
}

sub read_stream {
    my ($job, $name) = @_;
    my $fh = $job->{open}{$name};
    while (1) {
        my $n = sysread($fh, my $chunk, 65536);
        if (!defined $n) {
            return if $!{EAGAIN} || $!{EINTR};
            $n = 0;
        }
        if ($n == 0) {
            close $fh;
            delete $job->{open}{$name};
            $job->{quiet_at} = now() if !%{ $job->{open} };
            return;
        }
        keep($job->{$name}, $chunk);
    }
}

sub reap {
    while ((my $pid = waitpid(-1, WNOHANG)) > 0) {
        my $job = delete $by_pid{$pid} or next;
        $job->{status}    = $?;
        $job->{exited_at} = now();
    }
}

# A job is done when it was reaped and its streams ended, or the grace after its exit is over
# (a process it left behind holds them open).
sub finish_done {
    my $t = now();
    for my $job (values %jobs) {
        next unless defined $job->{status};
        next if %{ $job->{open} } && $t < $job->{exited_at} + $GRACE;
        close $_ for values %{ $job->{open} };
        delete $jobs{ $job->{id} };
        my $st = $job->{status};
        my ($how, $n) = ($st & 127) ? ('signal', $st & 127) : ('exit', $st >> 8);
        my ($o, $e) = ($job->{out}, $job->{err});
        send_frame('exit', $job->{id}, $how, $n, $job->{timed_out} ? 1 : 0, @$o{qw(head total tail)},
            @$e{qw(head total tail)});
    }
}

sub fire_timeouts {
    my $t = now();
    for my $job (values %jobs) {
        next unless defined $job->{deadline} && !defined $job->{status} && $t >= $job->{deadline};
        $job->{timed_out} = 1;
        $job->{deadline}  = undef;
        stop_group($job->{pid});
    }
}

sub fire_kills {
    my $t = now();
    my @later;
    for my $k (@kills) {
        if ($t >= $k->[0]) { kill 'KILL', -$k->[1] }
        else               { push @later, $k }
    }
    @kills = @later;
}

# The engine ended the run, or died: what runs is left to finish on its own (killing it could
# tear a file it writes, which its guard would then trust).
sub engine_gone { _exit(0) }

send_frame('ready');
while (1) {
    my $rin = '';
    vec($rin, fileno($requests), 1) = 1;
    vec($rin, fileno($wake_r),   1) = 1;
    my ($due, $cap);
    for my $job (values %jobs) {
        vec($rin, fileno($_), 1) = 1 for values %{ $job->{open} };
        my $end = defined $job->{exited_at} ? $job->{exited_at} + $GRACE : $job->{deadline};
        $due = $end if defined $end && (!defined $due || $end < $due);
        # Perl runs a signal's handler between statements, so a SIGCHLD that lands after the last
        # of them and before select blocks wakes nothing: while a command runs, select never
        # sleeps for long, and hardly at all once its output has ended (it is about to exit).
        next if defined $job->{status};
        my $c = !%{ $job->{open} } && now() - $job->{quiet_at} < $QUIET_FOR ? $POLL_QUIET : $POLL;
        $cap = $c if !defined $cap || $c < $cap;
    }
    for my $k (@kills) { $due = $k->[0] if !defined $due || $k->[0] < $due }
    my $wait = defined $due ? $due - now() : undef;
    $wait = 0.01 if defined $wait && $wait < 0.01;
    $wait = $cap if defined $cap && (!defined $wait || $wait > $cap);
    my $n = select(my $rout = $rin, undef, undef, $wait);
    next if $n < 0 && $!{EINTR};
    die "select: $!" if $n < 0;
    1 while sysread($wake_r, my $drain, 4096);
    read_input() if vec($rout, fileno($requests), 1);
    reap();
    for my $job (values %jobs) {
        for my $name (keys %{ $job->{open} }) {
            read_stream($job, $name) if vec($rout, fileno($job->{open}{$name}), 1);
        }
    }
    reap();
    finish_done();
    fire_timeouts();
    fire_kills();
}
