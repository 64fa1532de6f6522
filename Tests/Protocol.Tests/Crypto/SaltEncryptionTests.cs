using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class SaltEncryptionTests
{
    private static readonly byte[] Secret = "xyzzy5461"u8.ToArray();
    private static readonly byte[] Authenticator = Enumerable.Range(0x20, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void Round_trips_every_data_length_the_attribute_can_hold()
    {
        var value = new byte[SaltEncryption.SaltLength + SaltEncryption.MaxEncryptedStringLength];
        var data = new byte[SaltEncryption.MaxDataLength];
        for (var length = 0; length <= SaltEncryption.MaxDataLength; length++)
        {
            var plain = Enumerable.Range(0, length).Select(i => (byte)(i + 1)).ToArray();
            Assert.True(SaltEncryption.TryEncrypt(plain, 0x8123, Secret, Authenticator, value, out var written));
            Assert.Equal(SaltEncryption.GetEncryptedLength(length), written);
            Assert.Equal(0, (written - 2) % 16);
            Assert.Equal([0x81, 0x23], value[..2]);
            Assert.True(SaltEncryption.TryDecrypt(value.AsSpan(0, written), Secret, Authenticator, data, out var decrypted));
            Assert.Equal(plain, data[..decrypted]);
        }
    }

    [Fact]
    public void Round_trips_the_mppe_keys_a_server_sends_after_ms_chap_v2()
    {
        // RFC 2548 §2.4.2/2.4.3: a 16-byte key plus its length byte takes two blocks.
        var sendKey = Hex.Parse("8B 7C DC 14 9B 99 3A 1B A1 18 CB 15 3F 56 DC CB");
        Span<ushort> salts = stackalloc ushort[2];
        RadiusSalt.FillDistinct(salts);
        var sendValue = new byte[34];
        var recvValue = new byte[34];
        Assert.True(SaltEncryption.TryEncrypt(sendKey, salts[0], Secret, Authenticator, sendValue, out var written));
        Assert.Equal(34, written);
        Assert.True(SaltEncryption.TryEncrypt(sendKey, salts[1], Secret, Authenticator, recvValue, out _));

        // Distinct salts give distinct key streams, so equal keys do not show as equal ciphertext.
        Assert.NotEqual(sendValue[2..], recvValue[2..]);

        var key = new byte[32];
        Assert.True(SaltEncryption.TryDecrypt(sendValue, Secret, Authenticator, key, out var length));
        Assert.Equal(sendKey, key[..length]);
    }

    [Fact]
    public void Random_salt_overload_sets_the_high_bit_and_round_trips()
    {
        var value = new byte[50];
        for (var i = 0; i < 100; i++)
        {
            Assert.True(SaltEncryption.TryEncrypt("secret key"u8, Secret, Authenticator, value, out var written));
            Assert.True((value[0] & 0x80) != 0);
            var data = new byte[32];
            Assert.True(SaltEncryption.TryDecrypt(value.AsSpan(0, written), Secret, Authenticator, data, out var length));
            Assert.Equal("secret key"u8.ToArray(), data[..length]);
        }
    }

    [Fact]
    public void Distinct_salts_are_distinct_and_valid()
    {
        var salts = new ushort[300];
        RadiusSalt.FillDistinct(salts);
        Assert.All(salts, salt => Assert.True(RadiusSalt.IsValid(salt)));
        Assert.Equal(salts.Length, salts.Distinct().Count());
    }

    [Fact]
    public void Refuses_salts_without_the_high_bit_oversized_data_and_short_destinations()
    {
        var value = new byte[256];
        Assert.False(SaltEncryption.TryEncrypt("k"u8, 0x7FFF, Secret, Authenticator, value, out _));
        Assert.False(SaltEncryption.TryEncrypt(new byte[SaltEncryption.MaxDataLength + 1], 0x8000, Secret, Authenticator, value, out _));
        Assert.False(SaltEncryption.TryEncrypt(new byte[15], 0x8000, Secret, Authenticator, new byte[17], out _));
        Assert.False(SaltEncryption.TryEncrypt("k"u8, 0x8000, [], Authenticator, value, out _));
        Assert.False(SaltEncryption.TryEncrypt("k"u8, 0x8000, Secret, new byte[17], value, out _));
    }

    [Fact]
    public void Decrypt_rejects_every_truncation_of_an_mppe_key_value()
    {
        var value = new byte[34];
        Assert.True(SaltEncryption.TryEncrypt(new byte[16], 0x8001, Secret, Authenticator, value, out _));
        var data = new byte[64];
        for (var length = 0; length < value.Length; length++)
        {
            Assert.False(SaltEncryption.TryDecrypt(value.AsSpan(0, length), Secret, Authenticator, data, out _));
        }
    }

    [Fact]
    public void Decrypt_rejects_a_cleared_high_bit_a_data_length_past_the_string_and_a_short_destination()
    {
        var value = new byte[18];
        Assert.True(SaltEncryption.TryEncrypt("0123456789"u8, 0x8001, Secret, Authenticator, value, out _));
        var data = new byte[16];

        var noHighBit = (byte[])value.Clone();
        noHighBit[0] &= 0x7F;
        Assert.False(SaltEncryption.TryDecrypt(noHighBit, Secret, Authenticator, data, out _));

        Assert.False(SaltEncryption.TryDecrypt(value, Secret, Authenticator, new byte[9], out _));

        // Flipping the length byte's top bit makes Data-Length 138, past a 16-byte string.
        var longLength = (byte[])value.Clone();
        longLength[2] ^= 0x80;
        Assert.False(SaltEncryption.TryDecrypt(longLength, Secret, Authenticator, data, out _));
    }

    [Fact]
    public void Decrypt_never_throws_on_arbitrary_values()
    {
        var random = new Random(2548);
        var data = new byte[256];
        for (var i = 0; i < 2000; i++)
        {
            var value = new byte[random.Next(0, 256)];
            random.NextBytes(value);
            _ = SaltEncryption.TryDecrypt(value, Secret, Authenticator, data, out var written);
            Assert.InRange(written, 0, SaltEncryption.MaxDataLength);
        }
    }
}
