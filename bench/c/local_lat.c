/* local_lat <bind-to> <message-size> <roundtrip-count>: REP binds and echoes every message; prints nothing. */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 4) {
        printf ("usage: local_lat <bind-to> <message-size> <roundtrip-count>\n");
        return 1;
    }
    const char *bind_to = argv[1];
    size_t message_size = (size_t) perf_arg (argv[2], "message-size");
    long roundtrip_count = perf_arg (argv[3], "roundtrip-count");

    void *ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_REP);
    PERF_CHECK (zmq_bind (s, bind_to), "zmq_bind");

    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init (&msg), "zmq_msg_init");
    for (long i = 0; i < roundtrip_count; i++) {
        perf_recv_sized (s, &msg, message_size);
        PERF_CHECK (zmq_msg_send (&msg, s, 0), "zmq_msg_send");
    }
    zmq_msg_close (&msg);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
