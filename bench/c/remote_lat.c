/* remote_lat <connect-to> <message-size> <roundtrip-count>: REQ connects, times all round trips and prints the
   one-way latency. */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 4) {
        printf ("usage: remote_lat <connect-to> <message-size> <roundtrip-count>\n");
        return 1;
    }
    const char *connect_to = argv[1];
    size_t message_size = (size_t) perf_arg (argv[2], "message-size");
    long roundtrip_count = perf_arg (argv[3], "roundtrip-count");

    void *ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_REQ);
    PERF_CHECK (zmq_connect (s, connect_to), "zmq_connect");

    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init_size (&msg, message_size), "zmq_msg_init_size");
    memset (zmq_msg_data (&msg), 0, message_size);
    void *watch = zmq_stopwatch_start ();
    for (long i = 0; i < roundtrip_count; i++) {
        PERF_CHECK (zmq_msg_send (&msg, s, 0), "zmq_msg_send");
        perf_recv_sized (s, &msg, message_size);
    }
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    zmq_msg_close (&msg);

    perf_print_lat (message_size, roundtrip_count, elapsed);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
