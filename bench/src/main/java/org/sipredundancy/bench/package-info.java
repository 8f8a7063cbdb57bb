/**
 * JMH benchmarks of the hot paths, each measured against its peers in the same run: the core's timer service
 * against Agrona's wheel, the JDK's scheduled executor and Netty's wheel (SPEC R-RT-2), and the inbound hand-off
 * against JCTools' and the JDK's queues (SPEC R-RT-1). How to run them and the latest numbers: bench/README.md.
 */
package org.sipredundancy.bench;
