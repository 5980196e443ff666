/* fan_in_push <connect-to> <message-size> <message-count> <senders>: <senders> PUSH sockets each connect to
   fan_in_pull; this thread sends message-count messages in all, one socket after the other. Prints nothing. */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 5) {
        printf ("usage: fan_in_push <connect-to> <message-size> <message-count> <senders>\n");
        return 1;
    }
    const char *connect_to = argv[1];
    size_t message_size = (size_t) perf_arg (argv[2], "message-size");
    long message_count = perf_arg (argv[3], "message-count");
    long senders = perf_arg (argv[4], "senders");
    if (senders < 1) {
        fprintf (stderr, "senders must be at least 1\n");
        return 1;
    }

    void *ctx = perf_ctx ();
    void **sockets = calloc ((size_t) senders, sizeof (void *));
    for (long k = 0; k < senders; k++) {
        sockets[k] = perf_socket (ctx, ZMQ_PUSH);
        perf_set_int (sockets[k], ZMQ_LINGER, -1, "zmq_setsockopt(LINGER)");
        PERF_CHECK (zmq_connect (sockets[k], connect_to), "zmq_connect");
    }

    for (long i = 0; i < message_count; i++)
        perf_send_new (sockets[i % senders], message_size);

    for (long k = 0; k < senders; k++)
        PERF_CHECK (zmq_close (sockets[k]), "zmq_close");
    free (sockets);
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
