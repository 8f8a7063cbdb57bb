package org.sipredundancy.profiles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sipredundancy.profiles.yealink.YealinkProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a known model's id is cased, prefixed or parenthesised, the registry finds that model; and no name at
 * all makes the registry throw or answer null.
 */
class ModelNamePropertyTest
{
    private static final List<HardwareProfile> MODELS = new YealinkProfiles().profiles();
    private static final ProfileRegistry REGISTRY = new ProfileRegistry(List.of(new YealinkProfiles()));

    /**
     * A way of writing a model's id.
     *
     * @param profile    the model.
     * @param prefix     what goes before the bare id.
     * @param caseBits   bit i set means character i is upper case.
     * @param keepParens whether "(P)" keeps its parentheses.
     */
    record Spelling(HardwareProfile profile, String prefix, long caseBits, boolean keepParens)
    {
        String write()
        {
            final String id = profile.modelId();
            final String bare = id.startsWith("SIP-") || id.startsWith("SIP ") ? id.substring(4) : id;
            final String parens = keepParens ? bare : bare.replace("(", "").replace(")", "");
            final StringBuilder written = new StringBuilder(prefix);
            for (int i = 0; i < parens.length(); i++)
            {
                final char c = parens.charAt(i);
                final boolean upper = ((caseBits >>> (i & 63)) & 1) == 1;
                written.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return written.toString();
        }
    }

    @Provide
    Arbitrary<Spelling> spellings()
    {
        return Combinators.combine(
            Arbitraries.of(MODELS),
            Arbitraries.of("", "SIP-", "SIP ", "sip-", "sip ", "Sip-", "sIp "),
            Arbitraries.longs(),
            Arbitraries.of(true, false)).as(Spelling::new);
    }

    @Property(tries = 500)
    @Label("R-PRO-5 any casing, SIP prefix or (P) spelling of a known model's id finds that model")
    void shouldFindModelWhateverTheSpelling(@ForAll("spellings") final Spelling spelling)
    {
        final String written = spelling.write();

        assertThat(REGISTRY.find(written).profile()).as(written).containsSame(spelling.profile());
    }

    @Property(tries = 500)
    @Label("R-PRO-5 any name gets an answer: the model, or the three closest known ids")
    void shouldAnswerEveryName(@ForAll final String name)
    {
        final ModelLookup lookup = REGISTRY.find(name);

        assertThat(lookup).isNotNull();
        if (lookup.isFound())
        {
            assertThat(lookup.suggestions()).isEmpty();
        }
        else
        {
            assertThat(lookup.suggestions()).hasSize(ProfileRegistry.SUGGESTION_COUNT).doesNotHaveDuplicates();
            assertThat(lookup.message()).startsWith("unknown model '").endsWith("?");
        }
    }
}
