/**
 * jcstress tests of the protocols by which zmq4j's threads hand work to each other without locks: each test runs its
 * actors on different threads millions of times and checks every outcome the memory model allows. The packages
 * mirror the main code's.
 */
package org.zmq4j.jcstress;
