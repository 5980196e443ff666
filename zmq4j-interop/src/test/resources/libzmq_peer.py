"""A libzmq socket driven one step at a time over stdin/stdout, for zmq4j's interop tests.

Usage: /usr/bin/python3 libzmq_peer.py TYPE bind|connect ENDPOINT [OPTION=VALUE ...]

TYPE is a libzmq socket type (REQ, ROUTER, ...). Each OPTION is a libzmq option name without ZMQ_ (ROUTING_ID,
SUBSCRIBE, XPUB_VERBOSE, ...), set before the bind or connect; VALUE is hex for bytes options and a decimal
integer for the others. Frames are written as lowercase hex, "-" for an empty frame.

Lines it prints (stdout, one per event, flushed at once):

    version <libzmq version> pyzmq <pyzmq version>     first, before the socket exists
    bound <LAST_ENDPOINT> | connected <endpoint>        once the socket is ready
    ok | recv <frame> <frame>... | timeout | error <what> in answer to each command, in order

Commands (stdin, one per line):

    send <frame> <frame>...   send one multipart message; "timeout" if it cannot be queued in 9 s
    recv [ms]                 receive one whole message within ms (default 9000) or answer "timeout"
    set OPTION VALUE          setsockopt, as the start-up options
    bind|connect ENDPOINT     bind or connect once more; answers "bound <LAST_ENDPOINT>" or "ok"
    sendseq COUNT             send the numbered stream of sequence_message(0 .. COUNT-1); "ok" when all are queued
    recvseq COUNT             receive COUNT messages and check they are that stream, in order; "ok" or "error"
    quit                      close and exit; so does the end of stdin

Between commands the peer waits as an application blocked in zmq_poll would: it services the socket whenever its
ZMQ_FD signals. libzmq runs a socket's commands only inside calls on it, so an idle socket would neither take new
peers nor, for a bound SUB or XSUB, send them its subscriptions.

AUTH_PLAIN=<hex of user:password> (not a libzmq option) runs pyzmq's ZAP handler in the peer's process, allowing
that one PLAIN user.

Any failure of the peer itself goes to stderr, which the test quotes when something goes wrong.
"""

import os
import select
import sys

try:
    import zmq
except ImportError as e:
    sys.stderr.write("pyzmq is missing for %s (%s): install python3-zmq (apt-get install python3-zmq)\n"
                     % (sys.executable, e))
    sys.exit(3)

BYTES_OPTIONS = {"ROUTING_ID", "IDENTITY", "SUBSCRIBE", "UNSUBSCRIBE", "CONNECT_ROUTING_ID",
                 "PLAIN_USERNAME", "PLAIN_PASSWORD", "ZAP_DOMAIN"}
# Not a libzmq option: AUTH_PLAIN=<hex of user:password> starts pyzmq's ZAP handler (ThreadAuthenticator) in this
# process, allowing that one PLAIN user, before the socket binds or connects.
AUTH_PLAIN = "AUTH_PLAIN"
# Below the test's own 10 s wait for each answer, so that a peer that times out says so itself.
DEFAULT_TIMEOUT_MS = 9000


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def decode_frame(text):
    return b"" if text == "-" else bytes.fromhex(text)


def encode_frame(frame):
    return frame.hex() if frame else "-"


PATTERN = bytes(range(256)) * 300


def sequence_message(i):
    """Message i of a stream: its number (4 bytes, big-endian) and a body whose size sweeps 0..599 bytes, across
    the one-octet/eight-octet frame size boundary, with a 70000-byte body every 1000th message."""
    size = 70000 if i % 1000 == 999 else (i * 37) % 600
    return [i.to_bytes(4, "big"), PATTERN[i % 256:i % 256 + size]]


def set_option(sock, name, value):
    option = getattr(zmq, name)
    sock.setsockopt(option, decode_frame(value) if name in BYTES_OPTIONS else int(value))


def run(sock, line):
    words = line.split()
    if not words:
        return "error empty command"
    command, args = words[0], words[1:]
    if command == "send":
        if not args:
            return "error send needs at least one frame"
        frames = [decode_frame(a) for a in args]
        try:
            sock.send_multipart(frames)
        except zmq.Again:
            return "timeout"
        return "ok"
    if command == "recv":
        timeout = int(args[0]) if args else DEFAULT_TIMEOUT_MS
        if not sock.poll(timeout, zmq.POLLIN):
            return "timeout"
        return "recv " + " ".join(encode_frame(f) for f in sock.recv_multipart())
    if command == "sendseq":
        for i in range(int(args[0])):
            try:
                sock.send_multipart(sequence_message(i))
            except zmq.Again:
                return "timeout sending message %d" % i
        return "ok"
    if command == "recvseq":
        for i in range(int(args[0])):
            if not sock.poll(DEFAULT_TIMEOUT_MS, zmq.POLLIN):
                return "timeout receiving message %d" % i
            got = sock.recv_multipart()
            if got != sequence_message(i):
                return "error message %d is %s" % (i, " ".join(encode_frame(f)[:40] for f in got))
        return "ok"
    if command == "set":
        set_option(sock, args[0], args[1])
        return "ok"
    if command == "bind":
        sock.bind(args[0])
        return "bound " + sock.getsockopt(zmq.LAST_ENDPOINT).decode()
    if command == "connect":
        sock.connect(args[0])
        return "ok"
    return "error unknown command " + command


def commands(sock):
    """Yields the lines of stdin as they come, servicing the socket while none is ready; ends with stdin."""
    stdin = sys.stdin.fileno()
    signal = sock.getsockopt(zmq.FD)
    pending = bytearray()
    searched = 0
    while True:
        newline = pending.find(b"\n", searched)
        if newline >= 0:
            line = pending[:newline].decode("ascii").strip()
            del pending[:newline + 1]
            searched = 0
            yield line
            continue
        searched = len(pending)
        readable, _, _ = select.select([stdin, signal], [], [])
        if signal in readable:
            sock.getsockopt(zmq.EVENTS)  # runs the socket's pending commands: attach peers, send subscriptions
        if stdin in readable:
            chunk = os.read(stdin, 1 << 20)
            if not chunk:
                return
            pending.extend(chunk)


def main(argv):
    if len(argv) < 4 or argv[2] not in ("bind", "connect"):
        sys.stderr.write(__doc__)
        return 2
    say("version %s pyzmq %s" % (zmq.zmq_version(), zmq.__version__))
    ctx = zmq.Context()
    sock = ctx.socket(getattr(zmq, argv[1]))
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.SNDTIMEO, DEFAULT_TIMEOUT_MS)
    authenticator = None
    for option in argv[4:]:
        name, _, value = option.partition("=")
        if name == AUTH_PLAIN:
            from zmq.auth.thread import ThreadAuthenticator
            user, _, password = decode_frame(value).decode().partition(":")
            authenticator = ThreadAuthenticator(ctx)
            authenticator.start()
            authenticator.configure_plain(domain="*", passwords={user: password})
            continue
        set_option(sock, name, value)
    if argv[2] == "bind":
        sock.bind(argv[3])
        say("bound " + sock.getsockopt(zmq.LAST_ENDPOINT).decode())
    else:
        sock.connect(argv[3])
        say("connected " + argv[3])
    try:
        for line in commands(sock):
            if line == "quit":
                break
            try:
                answer = run(sock, line)
            except Exception as e:  # report, keep serving: the test decides what a failure means
                answer = "error %s: %s" % (type(e).__name__, e)
            say(answer)
    finally:
        sock.close(0)
        if authenticator is not None:
            authenticator.stop()
        ctx.term()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
