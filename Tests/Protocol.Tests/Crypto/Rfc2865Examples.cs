namespace Orleans.Radius.Protocol.Tests.Crypto;

/// <summary>The example packets of RFC 2865 §7, all signed with the shared secret "xyzzy5461".</summary>
internal static class Rfc2865Examples
{
    public static readonly byte[] Secret = "xyzzy5461"u8.ToArray();

    /// <summary>§7.1: Access-Request for "nemo", password "arctangent".</summary>
    public static readonly byte[] TelnetRequest = Hex.Parse("""
        01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
        98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
        93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
        01 10 05 06 00 00 00 03
        """);

    /// <summary>§7.1: the Access-Accept answering <see cref="TelnetRequest"/>.</summary>
    public static readonly byte[] TelnetAccept = Hex.Parse("""
        02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
        9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
        0e 06 c0 a8 01 03
        """);

    /// <summary>§7.2: Access-Request for "flopsy" with CHAP-Password (CHAP ID 22); the challenge is the authenticator.</summary>
    public static readonly byte[] ChapRequest = Hex.Parse("""
        01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e
        0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9
        75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04
        06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00
        02 07 06 00 00 00 01
        """);

    /// <summary>§7.2: the Access-Accept answering <see cref="ChapRequest"/>.</summary>
    public static readonly byte[] ChapAccept = Hex.Parse("""
        02 01 00 38 15 ef bc 7d ab 26 cf a3 dc 34 d9 c0
        3c 86 01 a4 06 06 00 00 00 02 07 06 00 00 00 01
        08 06 ff ff ff fe 0a 06 00 00 00 02 0d 06 00 00
        00 01 0c 06 00 00 05 dc
        """);

    /// <summary>§7.3: Access-Request for "mopsy" with the dummy password "challenge".</summary>
    public static readonly byte[] CardRequest = Hex.Parse("""
        01 02 00 39 f3 a4 7a 1f 6a 6d 76 71 0b 94 7a b9
        30 41 a0 39 01 07 6d 6f 70 73 79 02 12 33 65 75
        73 77 82 89 b5 70 88 5e 15 08 48 25 c5 04 06 c0
        a8 01 10 05 06 00 00 00 07
        """);

    /// <summary>§7.3: the Access-Challenge answering <see cref="CardRequest"/>.</summary>
    public static readonly byte[] CardChallenge = Hex.Parse("""
        0b 02 00 4e 36 f3 c8 76 4a e8 c7 11 57 40 3c 0c
        71 ff 9c 45 12 30 43 68 61 6c 6c 65 6e 67 65 20
        33 32 37 36 39 34 33 30 2e 20 20 45 6e 74 65 72
        20 72 65 73 70 6f 6e 73 65 20 61 74 20 70 72 6f
        6d 70 74 2e 18 0a 33 32 37 36 39 34 33 30
        """);

    /// <summary>
    /// §7.3: the follow-up Access-Request carrying the card response "99101462". As printed, its State
    /// attribute claims 16 bytes but carries 8, so only its authenticator and User-Password are used here.
    /// </summary>
    public static readonly byte[] CardResponseAuthenticator = Hex.Parse("b1 22 55 6d 42 8a 13 d0 d6 25 38 07 c4 57 ec f0");

    public static readonly byte[] CardResponseHiddenPassword = Hex.Parse("69 2c 1f 20 5f c0 81 b9 19 b9 51 95 f5 61 a5 81");

    public static ReadOnlySpan<byte> Authenticator(byte[] packet) => packet.AsSpan(4, 16);
}
