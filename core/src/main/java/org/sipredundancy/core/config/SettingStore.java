package org.sipredundancy.core.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a file sets while it is read, before defaults and inheritance: one entry per stored parameter and
 * indexes, the later line winning. Bounded by the number of parameters times indexes, whatever the file's size.
 * Not thread safe.
 */
final class SettingStore
{
    /**
     * One stored parameter at one place.
     *
     * @param parameter the stored parameter.
     * @param x         the account or record index.
     * @param y         the server or proxy slot, or 0.
     */
    record Slot(Parameter parameter, int x, int y)
    {
    }

    /**
     * A value that took effect.
     *
     * @param line        the line it came from.
     * @param usesDefault whether the default applies (the value was empty or rejected).
     * @param number      the value of a numeric parameter, unless the default applies.
     * @param text        the value of a text parameter, unless the default applies.
     * @param written     whether the file wrote a non-empty value, accepted or not.
     */
    record Entry(int line, boolean usesDefault, long number, String text, boolean written)
    {
    }

    private final Map<Slot, Entry> entries = new HashMap<>();
    private final Map<Slot, WrittenSetting> writtenByKey = new LinkedHashMap<>();

    /**
     * Record a line that sets a parameter.
     *
     * @param setting the parameter as written, at the indexes of its key.
     * @param entry   the value that takes effect.
     * @return the line that set the same key before, or 0 when none did.
     */
    int put(final WrittenSetting setting, final Entry entry)
    {
        final Parameter parameter = setting.parameter();
        final Slot declared = new Slot(parameter, setting.x(), setting.y());
        final WrittenSetting earlier = writtenByKey.remove(declared);
        writtenByKey.put(declared, setting);
        entries.put(new Slot(parameter.storedAs(), setting.x(), parameter.storedSlot(setting.y())), entry);
        return null == earlier ? 0 : earlier.line();
    }

    /**
     * @return the entry that took effect, or null when the file does not set the parameter there.
     */
    Entry get(final Parameter parameter, final int x, final int y)
    {
        return entries.get(new Slot(parameter, x, y));
    }

    /**
     * @return the settings as written, in the order their keys last took effect.
     */
    Collection<WrittenSetting> written()
    {
        return writtenByKey.values();
    }
}
