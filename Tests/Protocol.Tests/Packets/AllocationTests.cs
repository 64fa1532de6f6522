using System.Security.Cryptography;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Packets;

/// <summary>
/// The hot path a gateway runs on every request — validate, walk, check Message-Authenticator or the
/// accounting authenticator, reveal User-Password, encode and sign a reply — must not allocate.
/// Byte counts are deterministic, unlike timings, so this is a test and not a benchmark.
/// </summary>
public class AllocationTests
{
    private static readonly byte[] Secret = "allocation-secret"u8.ToArray();

    [Fact]
    public void Decoding_and_verifying_requests_allocates_nothing()
    {
        var access = BuildAccessRequest();
        var accounting = BuildAccountingRequest();
        var password = new byte[UserPasswordCipher.MaxPasswordLength];
        Assert.True(Exercise(access, accounting, password));

        Assert.Equal(0, LeastAllocated(() => Exercise(access, accounting, password)));
    }

    [Fact]
    public void Encoding_and_signing_a_reply_allocates_nothing()
    {
        var access = BuildAccessRequest();
        var reply = new byte[RadiusPacket.MaxLength];
        Assert.True(EncodeReply(access, reply));

        Assert.Equal(0, LeastAllocated(() => EncodeReply(access, reply)));
    }

    // Tiered compilation can allocate on the calling thread while a method is promoted, once; a real
    // allocation in the code shows in every round. So the least of a few rounds must be zero.
    private static long LeastAllocated(Func<bool> operation)
    {
        var least = long.MaxValue;
        for (var round = 0; round < 5 && least > 0; round++)
        {
            var ok = true;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 200; i++)
            {
                ok &= operation();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(ok);
            least = Math.Min(least, allocated);
        }

        return least;
    }

    // No assertions inside: the assertion library allocates. Returns false on any failed step.
    private static bool Exercise(byte[] access, byte[] accounting, byte[] password)
    {
        if (RadiusPacketReader.TryParse(access, out var reader) != RadiusParseError.None)
        {
            return false;
        }

        var hidden = ReadOnlySpan<byte>.Empty;
        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)RadiusAttributeType.UserPassword)
            {
                hidden = attribute.Value;
            }
        }

        return RadiusSigner.CheckRequestMessageAuthenticator(reader, Secret) == MessageAuthenticatorCheck.Valid
            && UserPasswordCipher.TryReveal(hidden, Secret, reader.Authenticator, password, out var written) && written == 8
            && RadiusPacketReader.TryParse(accounting, out var accountingReader) == RadiusParseError.None
            && accountingReader.TryGetAttribute(RadiusAttributeType.AcctStatusType, out _)
            && RadiusSigner.VerifyComputedRequestAuthenticator(accounting, Secret);
    }

    private static bool EncodeReply(byte[] request, byte[] buffer)
    {
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessAccept, request[1], default);
        var ok = writer.TryWriteMessageAuthenticatorPlaceholder()
            && writer.TryWriteUInt32(RadiusAttributeType.SessionTimeout, 3600)
            && writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, "welcome"u8);
        var packet = writer.Complete();
        RadiusSigner.SignResponse(packet, request.AsSpan(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), Secret);
        return ok;
    }

    private static byte[] BuildAccessRequest()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var authenticator = RandomNumberGenerator.GetBytes(16);
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, 9, authenticator);
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserName, "user0001"u8));
        Span<byte> hidden = stackalloc byte[16];
        Assert.True(UserPasswordCipher.TryHide("pass0001"u8, Secret, authenticator, hidden, out var length));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserPassword, hidden[..length]));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.NasIpAddress, [127, 0, 0, 1]));
        Assert.True(writer.TryWriteUInt32(RadiusAttributeType.NasPort, 7));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.CallingStationId, "00-11-22-33-44-55"u8));
        var packet = writer.Complete();
        RadiusSigner.SignAccessRequest(packet, Secret);
        return packet.ToArray();
    }

    private static byte[] BuildAccountingRequest()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccountingRequest, 3, default);
        Assert.True(writer.TryWriteUInt32(RadiusAttributeType.AcctStatusType, 1));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.AcctSessionId, "session-1"u8));
        Assert.True(writer.TryWriteUInt32(RadiusAttributeType.AcctInputOctets, 1234));
        var packet = writer.Complete();
        RadiusSigner.SignComputedRequest(packet, Secret);
        return packet.ToArray();
    }
}
