/* fan_out_pub <bind-to> <sync-bind-to> <message-size> <message-count> <subscribers>: one PUB binds and, once
   fan_out_sub reports on the sync PULL that every subscriber hears it, publishes message-count messages. Until
   then it publishes one-byte probes ("p") every millisecond; data messages start with "d". SNDHWM is 0 (no
   limit) so no subscriber loses a message. Prints nothing. */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 6) {
        printf ("usage: fan_out_pub <bind-to> <sync-bind-to> <message-size> <message-count> <subscribers>\n");
        return 1;
    }
    const char *bind_to = argv[1];
    const char *sync_bind_to = argv[2];
    size_t message_size = (size_t) perf_arg (argv[3], "message-size");
    long message_count = perf_arg (argv[4], "message-count");
    perf_arg (argv[5], "subscribers");
    if (message_size < 1) {
        fprintf (stderr, "message-size must be at least 1\n");
        return 1;
    }

    void *ctx = perf_ctx ();
    void *pub = perf_socket (ctx, ZMQ_PUB);
    void *sync = perf_socket (ctx, ZMQ_PULL);
    perf_set_int (pub, ZMQ_SNDHWM, 0, "zmq_setsockopt(SNDHWM)");
    perf_set_int (pub, ZMQ_LINGER, -1, "zmq_setsockopt(LINGER)");
    perf_set_int (sync, ZMQ_RCVTIMEO, 1, "zmq_setsockopt(RCVTIMEO)");
    PERF_CHECK (zmq_bind (pub, bind_to), "zmq_bind");
    PERF_CHECK (zmq_bind (sync, sync_bind_to), "zmq_bind");

    char ready[16];
    for (;;) {
        PERF_CHECK (zmq_send (pub, "p", 1, 0), "zmq_send");
        if (zmq_recv (sync, ready, sizeof ready, 0) >= 0)
            break;
        if (zmq_errno () != EAGAIN)
            perf_die ("zmq_recv");
    }

    for (long i = 0; i < message_count; i++) {
        zmq_msg_t msg;
        PERF_CHECK (zmq_msg_init_size (&msg, message_size), "zmq_msg_init_size");
        memset (zmq_msg_data (&msg), 0, message_size);
        ((char *) zmq_msg_data (&msg))[0] = 'd';
        PERF_CHECK (zmq_msg_send (&msg, pub, 0), "zmq_msg_send");
    }

    PERF_CHECK (zmq_close (sync), "zmq_close");
    PERF_CHECK (zmq_close (pub), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
