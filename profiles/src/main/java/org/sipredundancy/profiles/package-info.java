/**
 * What each phone model is: how many accounts it has (the X range of {@code account.X}), the oldest firmware the
 * server redundancy parameters need, whether it is a DECT base station, and which outbound proxy parameters it
 * reads. Models arrive through the {@link org.sipredundancy.profiles.HardwareProfileProvider} service so that a jar
 * on the class path can add one; the {@link org.sipredundancy.profiles.ProfileRegistry} gathers them, refuses two
 * claims on one name, and finds a model however an administrator spells it.
 */
package org.sipredundancy.profiles;
