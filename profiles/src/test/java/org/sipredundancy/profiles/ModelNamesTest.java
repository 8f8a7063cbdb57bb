package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normal form names are compared in, and the edit distance suggestions are ranked by.
 */
class ModelNamesTest
{
    @ParameterizedTest(name = "R-PRO-5 ''{0}'' normalises to ''{1}''")
    @DisplayName("R-PRO-5 names reduce to one normal form")
    @CsvSource(delimiter = '|', value = {
        "SIP-T46G       | T46G",
        "sip-t46g       | T46G",
        "SIP T46G       | T46G",
        "t46g           | T46G",
        "SIP VP-T49G    | VPT49G",
        "VP-T49G        | VPT49G",
        "SIP-T21(P) E2  | T21PE2",
        "t21p e2        | T21PE2",
        "CP960          | CP960",
        "SIP            | SIP",
        "'  '           | ''",
    })
    void shouldNormalise(final String name, final String normalForm)
    {
        assertThat(ModelNames.normalise(name)).isEqualTo(normalForm);
    }

    @ParameterizedTest(name = "R-PRO-5 distance ''{0}'' to ''{1}'' is {2}")
    @DisplayName("R-PRO-5 edit distance counts insertions, deletions and substitutions")
    @CsvSource(delimiter = '|', value = {
        "T46G    | T46G    | 0",
        "T46X    | T46G    | 1",
        "T46X    | T48G    | 2",
        "''      | CP960   | 5",
        "CP960   | ''      | 5",
        "kitten  | sitting | 3",
        "T46G    | T4G     | 1",
        "T4G     | T46G    | 1",
    })
    void shouldMeasureEditDistance(final String a, final String b, final int distance)
    {
        assertThat(ModelNames.editDistance(a, b)).isEqualTo(distance);
    }

    @Test
    @DisplayName("R-PRO-5 a bare SIP keeps its letters, since nothing follows the prefix")
    void shouldKeepBareSip()
    {
        assertThat(ModelNames.normalise("sip-")).isEqualTo("SIP");
    }
}
