using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class MppeKeyDerivationTests
{
    // RFC 3079 §3.5 (same user, password and challenges as RFC 2759 §9.2).
    private static readonly byte[] HashHash = Hex.Parse("41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F");
    private static readonly byte[] MasterKey = Hex.Parse("FD EC E3 71 7A 8C 83 8C B3 88 E5 27 AE 3C DD 31");
    private static readonly byte[] SendStartKey128 = Hex.Parse("8B 7C DC 14 9B 99 3A 1B A1 18 CB 15 3F 56 DC CB");

    [Fact]
    public void Derives_the_rfc_3079_master_key()
    {
        var masterKey = new byte[16];
        MppeKeyDerivation.GetMasterKey(HashHash, MsChapV2Tests.NtResponse, masterKey);
        Assert.Equal(MasterKey, masterKey);
    }

    [Fact]
    public void Derives_the_rfc_3079_send_start_keys()
    {
        var key = new byte[16];
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, key, isSend: true, isServer: true);
        Assert.Equal(SendStartKey128, key);

        // §3.5.1 and §3.5.2: 40- and 56-bit keys are the first 8 bytes.
        var shortKey = new byte[8];
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, shortKey, isSend: true, isServer: true);
        Assert.Equal(SendStartKey128[..8], shortKey);
    }

    [Fact]
    public void One_sides_send_key_is_the_other_sides_receive_key()
    {
        var serverSend = new byte[16];
        var serverReceive = new byte[16];
        var clientSend = new byte[16];
        var clientReceive = new byte[16];
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, serverSend, isSend: true, isServer: true);
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, serverReceive, isSend: false, isServer: true);
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, clientSend, isSend: true, isServer: false);
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, clientReceive, isSend: false, isServer: false);
        Assert.Equal(serverSend, clientReceive);
        Assert.Equal(serverReceive, clientSend);
        Assert.NotEqual(serverSend, serverReceive);
    }

    [Fact]
    public void Derives_the_rfc_3079_initial_session_keys()
    {
        var key = new byte[16];
        MppeKeyDerivation.GetNewKeyFromSha(SendStartKey128, SendStartKey128, key);
        Assert.Equal(Hex.Parse("40 5C B2 24 7A 79 56 E6 E2 11 00 7A E2 7B 22 D4"), key);

        // §3.5.2 prints the 56-bit key after its first byte is replaced with D1; the rest is GetNewKeyFromSHA's.
        var shortKey = new byte[8];
        MppeKeyDerivation.GetNewKeyFromSha(SendStartKey128.AsSpan(0, 8), SendStartKey128.AsSpan(0, 8), shortKey);
        Assert.Equal(Hex.Parse("5C 00 C4 9F A6 2E 3E"), shortKey[1..]);
    }

    [Fact]
    public void Derives_the_rfc_3079_ms_chap_v1_128_bit_key()
    {
        var key = new byte[16];
        MppeKeyDerivation.GetMsChapV1Key(Hex.Parse("10 2d b5 df 08 5d 30 41"), HashHash, key);
        Assert.Equal(Hex.Parse("59 d1 59 bc 09 f7 6f 1d a2 a8 6a 28 ff ec 0b 1e"), key);
    }

    [Fact]
    public void Server_keys_after_ms_chap_v2_are_the_server_side_master_keys()
    {
        var send = new byte[16];
        var receive = new byte[16];
        MppeKeyDerivation.GetMsChapV2ServerKeys(MsChapV2Tests.NtHash, MsChapV2Tests.NtResponse, send, receive);
        Assert.Equal(SendStartKey128, send);

        var expectedReceive = new byte[16];
        MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, expectedReceive, isSend: false, isServer: true);
        Assert.Equal(expectedReceive, receive);
    }

    [Fact]
    public void Rejects_wrong_key_lengths_as_caller_errors()
    {
        Assert.Throws<ArgumentException>(() => MppeKeyDerivation.GetMasterKey(HashHash.AsSpan(1), MsChapV2Tests.NtResponse, new byte[16]));
        Assert.Throws<ArgumentException>(() => MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, new byte[7], true, true));
        Assert.Throws<ArgumentException>(() => MppeKeyDerivation.GetAsymmetricStartKey(MasterKey, new byte[17], true, true));
        Assert.Throws<ArgumentException>(() => MppeKeyDerivation.GetNewKeyFromSha(new byte[16], new byte[8], new byte[16]));
    }
}
