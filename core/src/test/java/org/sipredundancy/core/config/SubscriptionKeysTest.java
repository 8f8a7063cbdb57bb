package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;

/**
 * The subscription keys (Beyond the seed): BLF line keys and MWI, read beside the seed's parameters, with every bad
 * value named and what is done instead.
 */
class SubscriptionKeysTest
{
    @Test
    @DisplayName("R-FO-6 R-FB-2 linekey.N of type 16 with a value is a BLF key of linekey.N.line; MWI per account; " +
        "other key types are noted as not used")
    void readsBlfKeysAndMwi()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "linekey.1.type = 16", "linekey.1.value = 4606",
            "linekey.2.type = 16", "linekey.2.value = 4607", "linekey.2.line = 2",
            "linekey.3.type = 15", "linekey.3.value = 4608",
            "linekey.4.type = 16",
            "account.1.subscribe_mwi = 1", "account.2.subscribe_mwi = 1", "account.2.subscribe_mwi_expires = 600",
            "account.1.blf.subscribe_period = 300");
        final SubscriptionSettings subscriptions = result.config().subscriptions();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
            "linekey.3.type = 15 is not used by this core (only BLF keys, type 16, act here); kept and ignored",
            "linekey.4.type = 16 (BLF) but no linekey.4.value names an extension; DSS key 4 monitors nothing");
        assertThat(result.diagnostics()).extracting(Diagnostic::line).containsExactly(7, 9);
        assertThat(subscriptions.blfKeys()).containsExactly(new BlfKey(1, 1, "4606"), new BlfKey(2, 2, "4607"));
        assertThat(subscriptions.blfKeys(2)).containsExactly(new BlfKey(2, 2, "4607"));
        assertThat(subscriptions.mwiExpiresS()).isEqualTo(Map.of(1, 3600, 2, 600));
        assertThat(subscriptions.mwiExpiresS(3)).isZero();
        assertThat(subscriptions.blfPeriodS(1)).isEqualTo(300);
        assertThat(subscriptions.blfPeriodS(2)).isEqualTo(SubscriptionSettings.DEFAULT_BLF_PERIOD_S);
        assertThat(result.unknownKeys()).as("subscription keys are used, not 'not used'").isEmpty();
    }

    @Test
    @DisplayName("R-CFG-3 a bad subscription value names the key, the value, what is permitted and what happens")
    void badValuesAreNamed()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "linekey.1.type = 16", "linekey.1.value = 46<06>", "linekey.1.line = 99",
            "account.1.subscribe_mwi = yes", "account.1.subscribe_mwi_expires = 5",
            "account.77.subscribe_mwi = 1");
        assertThat(result.config().subscriptions().blfKeys()).isEmpty();
        assertThat(result.config().subscriptions().mwiExpiresS()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::key).containsExactly("linekey.1.value",
            "linekey.1.line", "account.1.subscribe_mwi", "account.1.subscribe_mwi_expires", "account.77.subscribe_mwi");
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
            "linekey.1.value = 46<06> is not an extension a SIP URI can carry; DSS key 1 monitors nothing",
            "linekey.1.line = 99 is not 1 to " + T46G.accountCount() + "; the default is used",
            "account.1.subscribe_mwi = yes is not 0 or 1; the default is used",
            "account.1.subscribe_mwi_expires = 5 is not 60 to 84600; the default is used",
            "account.77.subscribe_mwi: this model has " + T46G.accountCount() + " accounts; the line is ignored");
        assertThat(result.usable()).as("errors in Beyond keys do not make the file unusable").isTrue();
    }

    @Test
    @DisplayName("R-CFG-7 the printed configuration carries the subscription keys and reads back to the same ones")
    void printedSubscriptionsReadBack()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "linekey.2.type = 16", "linekey.2.value = 4607", "linekey.2.line = 2",
            "account.1.subscribe_mwi = 1", "account.1.subscribe_mwi_expires = 600",
            "account.2.blf.subscribe_period = 300");
        final String printed = new ConfigPrinter().print(result.config());
        assertThat(printed).contains("## Subscriptions (Yealink keys beyond the seed's tables)\n" +
            "linekey.2.type = 16\nlinekey.2.value = 4607\nlinekey.2.line = 2\n" +
            "account.1.subscribe_mwi = 1\naccount.1.subscribe_mwi_expires = 600\n" +
            "account.2.blf.subscribe_period = 300\n");

        final ParseResult again = ConfigLoader.parseText(printed, "printed.cfg", T46G, 83);
        assertThat(again.diagnostics()).isEmpty();
        assertThat(again.config().subscriptions()).isEqualTo(result.config().subscriptions());
        assertThat(new ConfigPrinter().print(parseWithHeader(T46G, 83).config())).doesNotContain("Subscriptions");
    }
}
