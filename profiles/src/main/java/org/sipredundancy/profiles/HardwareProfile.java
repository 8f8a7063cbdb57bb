package org.sipredundancy.profiles;

import java.util.List;

/**
 * One phone model as the core needs to know it: the core sizes its per-account tables from it at start, checks the
 * requested firmware against it, and decides from it which outbound proxy parameters of a configuration file apply
 * (SPEC R-PRO, R-CFG-5, R-CFG-6). Implementations must be immutable and thread safe, since one registry serves every
 * phone of a process.
 */
public interface HardwareProfile
{
    /**
     * The firmware assumed when none is requested: the newest the seed document describes, so that every parameter
     * it lists applies. A model whose minimum is newer gets its minimum instead (see {@link #defaultFirmware()}).
     */
    int DEFAULT_FIRMWARE = 83;

    /**
     * The model as Yealink writes it, e.g. {@code SIP-T46G}, {@code SIP VP-T49G}, {@code SIP-T21(P) E2},
     * {@code CP960}, {@code W56P}; this is the name the core prints.
     *
     * @return the canonical model id, never blank.
     */
    String modelId();

    /**
     * Other spellings an administrator may use for this model beyond what name matching already forgives (see
     * {@link ModelNames#normalise(CharSequence)}), e.g. the short form the seed uses in its lists.
     *
     * @return the aliases, possibly empty, never null.
     */
    List<String> aliases();

    /**
     * How many accounts the model has: X of {@code account.X} ranges from 1 to this value (R-PRO-1, R-CFG-5).
     *
     * @return the account count, at least 1.
     */
    int accountCount();

    /**
     * The oldest firmware on which the model supports server redundancy (R-PRO-2), as the major version Yealink
     * numbers its releases by (80 in {@code 28.80.0.95}).
     *
     * @return the minimum firmware major version.
     */
    int minimumFirmware();

    /**
     * Whether the model is a DECT base station (R-PRO-3): its accounts serve handsets rather than one desk set.
     *
     * @return true for a DECT base station.
     */
    boolean isDectBaseStation();

    /**
     * Whether the model reads the indexed {@code account.X.outbound_proxy.Y.*} parameters on every firmware. The
     * seed makes an exception for SIP-T58V, SIP-T58A, SIP-T56A and CP960: every other model reads the legacy
     * {@code outbound_host}/{@code backup_outbound_host} pair up to firmware 80 (R-CFG-6).
     *
     * @return true when the indexed outbound proxy parameters apply regardless of firmware.
     */
    boolean alwaysUsesIndexedOutboundProxy();

    /**
     * The firmware to assume when a configuration does not name one: {@link #DEFAULT_FIRMWARE}, raised to
     * {@link #minimumFirmware()} where the model needs newer.
     *
     * @return the default firmware major version.
     */
    default int defaultFirmware()
    {
        return Math.max(DEFAULT_FIRMWARE, minimumFirmware());
    }
}
