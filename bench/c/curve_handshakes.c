/* curve_handshakes <count>: CURVE handshakes per second over loopback tcp. A REP server binds; for each of count
   rounds a new REQ client connects with libzmq perf tools' keys, does one round trip (so the handshake is
   complete) and closes. Prints "handshakes: N", "mean rate: N [handshakes/s]". */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 2) {
        printf ("usage: curve_handshakes <count>\n");
        return 1;
    }
    long count = perf_arg (argv[1], "count");
    void *ctx = perf_ctx ();
    void *server = perf_socket (ctx, ZMQ_REP);
    perf_curve (server, 1);
    PERF_CHECK (zmq_bind (server, "tcp://127.0.0.1:*"), "zmq_bind");
    char endpoint[256];
    size_t len = sizeof endpoint;
    PERF_CHECK (zmq_getsockopt (server, ZMQ_LAST_ENDPOINT, endpoint, &len), "LAST_ENDPOINT");

    char buf[16];
    void *watch = zmq_stopwatch_start ();
    for (long i = 0; i < count; i++) {
        void *client = perf_socket (ctx, ZMQ_REQ);
        perf_curve (client, 0);
        perf_set_int (client, ZMQ_LINGER, 0, "LINGER");
        PERF_CHECK (zmq_connect (client, endpoint), "zmq_connect");
        PERF_CHECK (zmq_send (client, "hi", 2, 0), "zmq_send");
        PERF_CHECK (zmq_recv (server, buf, sizeof buf, 0), "zmq_recv");
        PERF_CHECK (zmq_send (server, "ok", 2, 0), "zmq_send");
        PERF_CHECK (zmq_recv (client, buf, sizeof buf, 0), "zmq_recv");
        PERF_CHECK (zmq_close (client), "zmq_close");
    }
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    if (elapsed == 0)
        elapsed = 1;
    printf ("handshakes: %ld\n", count);
    printf ("mean rate: %lu [handshakes/s]\n", (unsigned long) ((double) count / (double) elapsed * 1000000));
    PERF_CHECK (zmq_close (server), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
