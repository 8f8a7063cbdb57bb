package org.sipredundancy.core.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One account of a {@link SimRegistrar}: its password, the H(A1) worked out for it, its bindings and how many
 * REGISTERs it has bound. Why one object per user: a fleet's registrar holds tens of thousands of users, and a
 * REGISTER used to look its user up in four maps (password, H(A1), bindings, count), each lookup a few cache misses;
 * now it looks up once. Simulation only. Not thread safe.
 */
final class SimUser
{
    final String name;
    /** The password, or null for a user known only because it registered while no authentication was asked. */
    String password;
    /** Bindings in the order they were made, expired ones included until the next REGISTER or listing. */
    final List<SimBinding> bindings = new ArrayList<>();
    /** REGISTERs that bound (or removed) contacts: a 200 each. */
    int registerCount;
    /** Whether the user is already in its registrar's listing order (first bind). */
    boolean listed;
    /** The H(A1) kept (hex), with the realm, password and hash it was worked out with. */
    private byte[] ha1Hex;
    private String ha1Realm;
    private String ha1Password;
    private boolean ha1Sha256;

    SimUser(final String name)
    {
        this.name = name;
    }

    /**
     * @param realm  the realm asked for.
     * @param sha256 whether the hash is SHA-256 (else MD5).
     * @return the H(A1) kept for exactly that realm, hash and the current password, or null.
     */
    byte[] knownHa1(final String realm, final boolean sha256)
    {
        return ha1Hex != null && ha1Sha256 == sha256 && ha1Realm.equals(realm) && ha1Password.equals(password) ?
            ha1Hex : null;
    }

    /**
     * Keep an H(A1) worked out for a realm and hash with the current password.
     */
    void keepHa1(final String realm, final boolean sha256, final byte[] hex)
    {
        ha1Realm = realm;
        ha1Password = password;
        ha1Sha256 = sha256;
        ha1Hex = hex;
    }
}
