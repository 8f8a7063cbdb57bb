/**
 * The command line (picocli): a tool around the core for administrators, QA and VoIP engineers. Optional at run
 * time: a device build leaves this package and picocli out.
 */
package org.sipredundancy.core.cli;
