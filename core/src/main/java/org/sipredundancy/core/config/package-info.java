/**
 * Yealink provisioning files read into an immutable, typed configuration (SPEC R-CFG-1 to R-CFG-7, R-CFG-9,
 * R-OBP-3).
 * <p>
 * Every parameter the core implements is declared once, as data, in {@link org.sipredundancy.core.config.Parameter}:
 * its key pattern, permitted values, default, the models and firmware it applies to, and a one-line meaning. The
 * {@link org.sipredundancy.core.config.ConfigLoader} reads a file against that table and the chosen
 * {@link org.sipredundancy.profiles.HardwareProfile}; it never throws on any input, and reports every problem as a
 * {@link org.sipredundancy.core.config.Diagnostic} while using the default instead. The
 * {@link org.sipredundancy.core.config.ConfigPrinter} prints the effective configuration back as a .cfg file that
 * reads back into an equal configuration. Start-up code: it allocates freely, the duty cycle never calls it.
 */
package org.sipredundancy.core.config;
