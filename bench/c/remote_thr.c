/* remote_thr <connect-to> <message-size> <message-count> [<enable_curve>]: PUSH connects and sends; prints nothing
   on success. Closing waits (LINGER -1) until every message is on its way.

   Over ipc it also waits a second before closing: libzmq 4.3.4's PULL loses the last messages it has not yet
   queued for the application when an ipc peer disconnects right after sending them (about 2% of 100,000 16-byte
   messages in our runs; tcp loses none), and local_thr would then wait forever. The wait cannot change the result:
   local_thr's clock stops at the last message, and the sender is never more than its and the receiver's
   high-water marks plus the socket buffers (a few milliseconds of messages) ahead. */
#include <unistd.h>
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 4 && argc != 5) {
        printf ("usage: remote_thr <connect-to> <message-size> <message-count> [<enable_curve>]\n");
        return 1;
    }
    const char *connect_to = argv[1];
    size_t message_size = (size_t) perf_arg (argv[2], "message-size");
    long message_count = perf_arg (argv[3], "message-count");
    int curve = perf_curve_flag (argc, argv, 4);

    void *ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_PUSH);
    if (curve)
        perf_curve (s, 0);
    PERF_CHECK (zmq_connect (s, connect_to), "zmq_connect");

    for (long i = 0; i < message_count; i++)
        perf_send_new (s, message_size);
    if (strncmp (connect_to, "ipc://", 6) == 0)
        sleep (1);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
