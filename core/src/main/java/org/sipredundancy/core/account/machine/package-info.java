/**
 * The account's state machines as int tables: one registration per server slot, the failover list's position, the
 * fallback mode and a call. Each machine names its states and events as constants and declares its transitions as
 * triples; the tests hold the squirrel-foundation declaration each table must equal (and draw it under docs/).
 */
package org.sipredundancy.core.account.machine;
