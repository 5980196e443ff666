"""A libzmq socket with CURVE security, driven one line at a time by a zmq4j interop test.

Usage: curve_peer.py TYPE bind|connect ENDPOINT [options]
  --server SECRET              be a CURVE server with this secret key (Z85)
  --client SERVERKEY PUB SEC   be a CURVE client (keys in Z85)
  --allow PUBLICKEY            start a ZAP handler (pyzmq's ThreadAuthenticator) that admits this client key;
                               may repeat
  --allow-any                  start a ZAP handler that admits any CURVE client
  --heartbeat MS               send PING every MS and drop the connection if nothing comes back within 3*MS

Output lines: "version X.Y.Z", then "endpoint ENDPOINT" once bound or connected, then one answer per command.
Commands (frames are hex, "-" is an empty frame, frames are separated by ","):
  send F1,F2,...      -> "sent" | "send-timeout"
  recv MS             -> "msg F1,F2,..." | "timeout"
  userid              -> "userid VALUE" (User-Id of the last message received) | "userid -"
  sub HEX             -> "ok" (SUBSCRIBE, "-" for everything)
  event NAME MS       -> "event NAME VALUE" for the next monitor event called NAME, skipping others | "no-event"
  quit                (also on end of input)
"""

import sys
import zmq
import zmq.auth.thread
from zmq.utils.monitor import recv_monitor_message


def unhex(field):
    return b"" if field == "-" else bytes.fromhex(field)


def tohex(frame):
    return frame.hex() if frame else "-"


class AllowedKeys:
    def __init__(self, keys):
        self.keys = set(k.encode("ascii") for k in keys)

    def callback(self, domain, key):
        return key in self.keys


def main(argv):
    sock_type, mode, endpoint = argv[0], argv[1], argv[2]
    ctx = zmq.Context()
    auth = None
    allowed = []
    allow_any = False
    sock = ctx.socket(getattr(zmq, sock_type))
    sock.linger = 0
    args = argv[3:]
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--server":
            sock.curve_server = True
            sock.curve_secretkey = args[i + 1].encode("ascii")
            i += 2
        elif a == "--client":
            sock.curve_serverkey = args[i + 1].encode("ascii")
            sock.curve_publickey = args[i + 2].encode("ascii")
            sock.curve_secretkey = args[i + 3].encode("ascii")
            i += 4
        elif a == "--allow":
            allowed.append(args[i + 1])
            i += 2
        elif a == "--allow-any":
            allow_any = True
            i += 1
        elif a == "--heartbeat":
            sock.heartbeat_ivl = int(args[i + 1])
            sock.heartbeat_timeout = 3 * int(args[i + 1])
            i += 2
        else:
            raise SystemExit("unknown option " + a)
    if allowed or allow_any:
        auth = zmq.auth.thread.ThreadAuthenticator(ctx)
        auth.start()
        if allow_any:
            auth.configure_curve(domain="*", location=zmq.auth.CURVE_ALLOW_ANY)
        else:
            auth.configure_curve_callback(domain="*", credentials_provider=AllowedKeys(allowed))
    monitor = sock.get_monitor_socket()
    print("version " + zmq.zmq_version(), flush=True)
    if mode == "bind":
        sock.bind(endpoint)
        print("endpoint " + sock.getsockopt_string(zmq.LAST_ENDPOINT), flush=True)
    else:
        sock.connect(endpoint)
        print("endpoint " + endpoint, flush=True)

    last = None
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        cmd = parts[0]
        if cmd == "send":
            frames = [unhex(f) for f in parts[1].split(",")]
            sock.sndtimeo = 10000
            try:
                sock.send_multipart(frames)
                print("sent", flush=True)
            except zmq.Again:
                print("send-timeout", flush=True)
        elif cmd == "recv":
            sock.rcvtimeo = int(parts[1])
            try:
                last = sock.recv_multipart(copy=False)
                print("msg " + ",".join(tohex(f.bytes) for f in last), flush=True)
            except zmq.Again:
                print("timeout", flush=True)
        elif cmd == "userid":
            value = None
            if last:
                try:
                    value = last[0].get("User-Id")
                except zmq.ZMQError:
                    value = None
            print("userid " + (value if value else "-"), flush=True)
        elif cmd == "sub":
            sock.setsockopt(zmq.SUBSCRIBE, unhex(parts[1]))
            print("ok", flush=True)
        elif cmd == "event":
            name, ms = parts[1], int(parts[2])
            monitor.rcvtimeo = ms
            found = None
            try:
                while found is None:
                    e = recv_monitor_message(monitor)
                    if zmq.Event(e["event"]).name == name:
                        found = e
            except zmq.Again:
                pass
            if found is None:
                print("no-event", flush=True)
            else:
                print("event %s %d" % (name, found["value"]), flush=True)
        elif cmd == "quit":
            break
        else:
            print("error unknown command " + cmd, flush=True)

    sock.disable_monitor()
    monitor.close()
    sock.close()
    if auth is not None:
        auth.stop()
    ctx.term()


if __name__ == "__main__":
    main(sys.argv[1:])
