/**
 * Yealink provisioning files read into an immutable, typed configuration (SPEC R-CFG-1 to R-CFG-9, R-OBP-3).
 * <p>
 * Every parameter the core implements is declared once, as data, in {@link org.sipredundancy.core.config.Parameter}:
 * its key pattern, permitted values, default, the models and firmware it applies to, and a one-line meaning. The
 * {@link org.sipredundancy.core.config.ConfigLoader} reads a file against that table and the chosen
 * {@link org.sipredundancy.profiles.HardwareProfile}; it never throws on any input, and reports every problem as a
 * {@link org.sipredundancy.core.config.Diagnostic} while using the default instead. The
 * {@link org.sipredundancy.core.config.ConfigPrinter} prints the effective configuration back as a .cfg file that
 * reads back into an equal configuration, and {@link org.sipredundancy.core.config.ConfigLint} adds hints about valid
 * settings that cannot do what was meant. Start-up code: it allocates freely; the duty cycle never calls it.
 * <p>
 * <b>Decisions</b> taken where the seed is silent:
 * <ul>
 *     <li>{@code outbound_proxy_fallback_interval} ("Integer") is 10 to 2147483647, like {@code fallback.timeout}
 *     (see {@link org.sipredundancy.core.config.Parameter}).</li>
 *     <li>{@code outbound_proxy.Y.* = -1} inherits {@code sip_server.Y.*} of the same name, including
 *     {@code only_signal_with_registered} (the seed's "retry_counts" there is a slip).</li>
 *     <li>Keys are case-sensitive, as Yealink writes them; a key that differs only in case is unknown, with a hint.
 *     Indexes are decimal digits (leading zeros allowed, at most 9 digits).</li>
 *     <li>A number is an optional minus sign and ASCII digits; {@code +5}, {@code 0x10}, {@code 3600s} are not
 *     numbers. NAPTR flags are read in either case and kept in upper case; a blank flag is permitted.</li>
 *     <li>"Domain name" and "IP address or domain name" are checked for form: dot-separated labels of 1 to 63
 *     letters, digits, hyphens or underscores, at most 253 characters (an IPv4 address has that form); an IPv6
 *     literal is also taken as a host.</li>
 *     <li>A static DNS record exists when any of its values is non-blank; it is kept only when complete (A: name
 *     and an IPv4 ip; SRV: name and target; NAPTR: name and replace), otherwise a warning says why.</li>
 *     <li>The first line must be exactly {@code #!version:1.0.0.1} (after a BOM, trailing blanks ignored).</li>
 *     <li>A later duplicate wins even when its value is bad: the default is then used, as for any bad value.</li>
 *     <li>Bounds ({@link org.sipredundancy.core.config.ParseLimits#DEFAULT}): lines of 4096 characters; 1000
 *     errors and warnings and 1000 notes kept, then a summary; 1000 unknown keys kept.</li>
 *     <li>Diagnostics and unknown keys belong to the {@link org.sipredundancy.core.config.ParseResult}, not the
 *     {@link org.sipredundancy.core.config.ProvisioningConfig}, so that two configurations are equal exactly when
 *     a phone would behave the same with either (R-CFG-7). Values as written are in
 *     {@link org.sipredundancy.core.config.ParseResult#writtenSettings()}.</li>
 *     <li>A firmware below the model's minimum is a fatal error, but the file is still read, so that every other
 *     problem is reported in one pass.</li>
 * </ul>
 */
package org.sipredundancy.core.config;
