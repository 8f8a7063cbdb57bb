package org.sipredundancy.core.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.hal.LampState;
import org.sipredundancy.hal.sim.SimIndicators;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration lamp follows the slots' states (R-RT-5) and every event still reaches the next listener.
 */
class RegistrationLampsTest
{
    private final SimIndicators indicators = new SimIndicators();
    private final List<String> passed = new ArrayList<>();
    private final RegistrationLamps lamps = new RegistrationLamps(indicators, new AccountEventText(passed::add, true));

    private void state(final int account, final int slot, final int state)
    {
        lamps.onRegistrationState(account, slot, state, 0, 0, 0);
    }

    @Test
    @DisplayName("R-RT-5 flashing while registering with nothing held, on while any slot is bound (a refresh keeps " +
        "it on), off when no slot is")
    void lampFollowsSlots()
    {
        state(1, 1, SlotMachine.RESOLVING);
        assertThat(indicators.registrationLamp(1)).isEqualTo(LampState.FLASHING_SLOW);
        state(1, 1, SlotMachine.REGISTERED);
        assertThat(indicators.registrationLamp(1)).isEqualTo(LampState.ON);
        state(1, 1, SlotMachine.RESOLVING);
        state(1, 1, SlotMachine.REGISTERING);
        assertThat(indicators.registrationLamp(1)).as("refreshing keeps the lamp on").isEqualTo(LampState.ON);
        state(1, 2, SlotMachine.REGISTERED);
        state(1, 1, SlotMachine.BACKOFF);
        assertThat(indicators.registrationLamp(1)).as("the fallback slot still holds a binding")
            .isEqualTo(LampState.ON);
        state(1, 2, SlotMachine.DISABLED);
        assertThat(indicators.registrationLamp(1)).isEqualTo(LampState.OFF);
        assertThat(indicators.registrationLamp(2)).as("another line untouched").isEqualTo(LampState.OFF);
        assertThat(passed).hasSize(7);
    }

    @Test
    @DisplayName("R-RT-6 every other event passes through unchanged")
    void eventsPassThrough()
    {
        lamps.onFailover(1, 1, 1, 2, 0, 0);
        lamps.onFailback(1, 1, AccountEvents.TRIGGER_RETRY, 1, 0);
        lamps.onDnsResolved(1, 1, -1, 0, 0);
        lamps.onFallbackState(1, 0, 0);
        lamps.onCallOutcome(1, AccountEvents.CALL_ANSWERED, 200, 0, 1, 0);
        lamps.onIncomingCall(1, AccountEvents.INCOMING_RINGING, 0, 0);
        lamps.onKeypad(1, AccountEvents.KEYPAD_DIALLED, 0);
        assertThat(passed).hasSize(7).anyMatch(l -> l.contains("FAILOVER")).anyMatch(l -> l.contains("FAILBACK"))
            .anyMatch(l -> l.contains("DNS found no server")).anyMatch(l -> l.contains("FALLBACK"))
            .anyMatch(l -> l.contains("CALL answered")).anyMatch(l -> l.contains("INCOMING CALL ringing"))
            .anyMatch(l -> l.contains("KEYPAD dialling"));
    }
}
