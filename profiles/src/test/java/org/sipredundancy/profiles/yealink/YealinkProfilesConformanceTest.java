package org.sipredundancy.profiles.yealink;

import org.sipredundancy.profiles.HardwareProfileConformanceTest;
import org.sipredundancy.profiles.HardwareProfileProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in Yealink models against the seed document, "Server Redundancy on Yealink IP Phones".
 */
class YealinkProfilesConformanceTest extends HardwareProfileConformanceTest
{
    /**
     * Copied by hand from the seed: accounts from the "X ranges from" lists of the parameter table ("For
     * SIP-T19(P) E2/CP860/CP920/CP960: X is equal to 1"), firmware from the three lists at the top ("... running
     * firmware version 80 or later"), DECT from R-PRO-3, and "always indexed" from the notes on outbound_host
     * ("except SIP-T58V/T58A/T56A/CP960").
     */
    private static final String SEED_TABLE = """
        model          | accounts | firmware | kind
        SIP-T58V       | 16       | 80       | indexed
        SIP-T58A       | 16       | 80       | indexed
        SIP-T56A       | 16       | 80       | indexed
        SIP VP-T49G    | 16       | 80       | desk
        SIP-T54S       | 16       | 81       | desk
        SIP-T48G       | 16       | 80       | desk
        SIP-T48S       | 16       | 81       | desk
        SIP-T46G       | 16       | 80       | desk
        SIP-T46S       | 16       | 81       | desk
        SIP-T29G       | 16       | 80       | desk
        SIP-T52S       | 12       | 81       | desk
        SIP-T42G       | 12       | 80       | desk
        SIP-T42S       | 12       | 81       | desk
        W53P           | 8        | 83       | dect
        W60P           | 8        | 81       | dect
        SIP-T41P       | 6        | 80       | desk
        SIP-T41S       | 6        | 81       | desk
        SIP-T27G       | 6        | 81       | desk
        W52P           | 5        | 81       | dect
        W56P           | 5        | 80       | dect
        SIP-T40P       | 3        | 80       | desk
        SIP-T40G       | 3        | 81       | desk
        SIP-T23P       | 3        | 80       | desk
        SIP-T23G       | 3        | 80       | desk
        SIP-T21(P) E2  | 2        | 80       | desk
        SIP-T19(P) E2  | 1        | 80       | desk
        CP860          | 1        | 80       | desk
        CP920          | 1        | 81       | desk
        CP960          | 1        | 80       | indexed
        """;

    /**
     * @return the seed table as rows, for this test and the registry tests.
     */
    static List<Expected> seedTable()
    {
        final List<Expected> rows = new ArrayList<>();
        final List<String> lines = SEED_TABLE.lines().skip(1).toList();
        for (final String line : lines)
        {
            final String[] cells = line.split("\\|");
            final String kind = cells[3].trim();
            rows.add(new Expected(
                cells[0].trim(),
                Integer.parseInt(cells[1].trim()),
                Integer.parseInt(cells[2].trim()),
                "dect".equals(kind),
                "indexed".equals(kind)));
        }
        return rows;
    }

    @Override
    protected HardwareProfileProvider provider()
    {
        return new YealinkProfiles();
    }

    @Override
    protected List<Expected> expectedModels()
    {
        return seedTable();
    }
}
