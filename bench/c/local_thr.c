/* local_thr <bind-to> <message-size> <message-count> [<enable_curve>]: PULL binds, times the messages after the
   first one arrived and prints the throughput. */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 4 && argc != 5) {
        printf ("usage: local_thr <bind-to> <message-size> <message-count> [<enable_curve>]\n");
        return 1;
    }
    const char *bind_to = argv[1];
    size_t message_size = (size_t) perf_arg (argv[2], "message-size");
    long message_count = perf_arg (argv[3], "message-count");
    int curve = perf_curve_flag (argc, argv, 4);

    void *ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_PULL);
    if (curve)
        perf_curve (s, 1);
    PERF_CHECK (zmq_bind (s, bind_to), "zmq_bind");

    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init (&msg), "zmq_msg_init");
    perf_recv_sized (s, &msg, message_size);
    void *watch = zmq_stopwatch_start ();
    for (long i = 1; i < message_count; i++)
        perf_recv_sized (s, &msg, message_size);
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    zmq_msg_close (&msg);

    perf_print_thr (message_size, message_count, elapsed);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
