package org.sipredundancy.core.config;

/**
 * A DSS key configured as BLF ({@code linekey.N.type = 16}, Beyond the seed): the phone subscribes to the dialog
 * state of {@code extension} through {@code account} and shows it on the key's lamp.
 *
 * @param key       N, the DSS key number from 1.
 * @param account   the account the subscription goes through ({@code linekey.N.line}, default 1).
 * @param extension the monitored extension ({@code linekey.N.value}).
 */
public record BlfKey(int key, int account, String extension)
{
}
