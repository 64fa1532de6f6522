using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Benchmarks;

/// <summary>The codec's hot path: what a gateway does to every request and reply.</summary>
[MemoryDiagnoser]
public class PacketBenchmarks
{
    private static readonly byte[] Secret = "testing123-a-longer-shared-secret"u8.ToArray();
    private readonly byte[] _replyBuffer = new byte[RadiusPacket.MaxLength];
    private byte[] _accessRequest = [];
    private byte[] _accountingRequest = [];
    private int _messageAuthenticatorOffset;

    [GlobalSetup]
    public void Setup()
    {
        _accessRequest = SamplePackets.AccessRequest(Secret);
        _accountingRequest = SamplePackets.AccountingRequest(Secret);
        RadiusSigner.TryFindMessageAuthenticator(_accessRequest, out _messageAuthenticatorOffset);
    }

    /// <summary>Validate a typical Access-Request and pick out the attributes a server reads.</summary>
    [Benchmark]
    public int DecodeAccessRequest() => SamplePackets.Walk(_accessRequest);

    /// <summary>Validate a typical Accounting-Request and pick out the attributes a server reads.</summary>
    [Benchmark]
    public int DecodeAccountingRequest() => SamplePackets.Walk(_accountingRequest);

    [Benchmark]
    public bool VerifyMessageAuthenticator() =>
        RadiusSigner.VerifyMessageAuthenticator(_accessRequest, _messageAuthenticatorOffset, [], Secret);

    [Benchmark]
    public bool VerifyAccountingRequestAuthenticator() =>
        RadiusSigner.VerifyComputedRequestAuthenticator(_accountingRequest, Secret);

    /// <summary>Encode an Access-Accept with Message-Authenticator first and a few reply attributes, then sign it.</summary>
    [Benchmark]
    public int EncodeAndSignAccessAccept()
    {
        var request = _accessRequest.AsSpan();
        var writer = new RadiusPacketWriter(_replyBuffer, RadiusCode.AccessAccept, request[1], default);
        writer.TryWriteMessageAuthenticatorPlaceholder();
        writer.TryWriteUInt32(RadiusAttributeType.ServiceType, 2);
        writer.TryWriteUInt32(RadiusAttributeType.FramedProtocol, 1);
        writer.TryWriteUInt32(RadiusAttributeType.SessionTimeout, 3600);
        writer.TryWriteAttribute(RadiusAttributeType.Class, "billing-class-0001"u8);
        var reply = writer.Complete();
        RadiusSigner.SignResponse(reply, request.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), Secret);
        return reply.Length;
    }
}

/// <summary>Representative packets, shaped like what a switch or Wi-Fi controller sends.</summary>
public static class SamplePackets
{
    public static byte[] AccessRequest(byte[] secret)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, 42, RandomNumberGenerator.GetBytes(16));
        writer.TryWriteMessageAuthenticatorPlaceholder();
        writer.TryWriteAttribute(RadiusAttributeType.UserName, "user0042@example.net"u8);
        writer.TryWriteAttribute(RadiusAttributeType.UserPassword, RandomNumberGenerator.GetBytes(16));
        writer.TryWriteAttribute(RadiusAttributeType.NasIpAddress, [10, 0, 0, 1]);
        writer.TryWriteUInt32(RadiusAttributeType.NasPort, 10101);
        writer.TryWriteUInt32(RadiusAttributeType.NasPortType, 19);
        writer.TryWriteUInt32(RadiusAttributeType.ServiceType, 2);
        writer.TryWriteAttribute(RadiusAttributeType.CalledStationId, "00-11-22-33-44-55:CorpWiFi"u8);
        writer.TryWriteAttribute(RadiusAttributeType.CallingStationId, "66-77-88-99-AA-BB"u8);
        writer.TryWriteAttribute(RadiusAttributeType.NasIdentifier, "ap-building-7"u8);
        writer.TryWriteUInt32(RadiusAttributeType.FramedMtu, 1400);
        var packet = writer.Complete();
        RadiusSigner.SignAccessRequest(packet, secret);
        return packet.ToArray();
    }

    public static byte[] AccountingRequest(byte[] secret)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccountingRequest, 7, default);
        writer.TryWriteUInt32(RadiusAttributeType.AcctStatusType, 3);
        writer.TryWriteAttribute(RadiusAttributeType.AcctSessionId, "5A3F09C1-00000042"u8);
        writer.TryWriteAttribute(RadiusAttributeType.UserName, "user0042@example.net"u8);
        writer.TryWriteAttribute(RadiusAttributeType.NasIpAddress, [10, 0, 0, 1]);
        writer.TryWriteUInt32(RadiusAttributeType.NasPort, 10101);
        writer.TryWriteAttribute(RadiusAttributeType.FramedIpAddress, [100, 64, 3, 7]);
        writer.TryWriteUInt32(RadiusAttributeType.AcctSessionTime, 3600);
        writer.TryWriteUInt32(RadiusAttributeType.AcctInputOctets, 123456789);
        writer.TryWriteUInt32(RadiusAttributeType.AcctOutputOctets, 987654321);
        writer.TryWriteUInt32(RadiusAttributeType.AcctInputGigawords, 1);
        writer.TryWriteUInt32(RadiusAttributeType.AcctOutputGigawords, 2);
        writer.TryWriteUInt32(RadiusAttributeType.AcctInputPackets, 100000);
        writer.TryWriteUInt32(RadiusAttributeType.AcctOutputPackets, 200000);
        writer.TryWriteUInt32(RadiusAttributeType.EventTimestamp, 1_800_000_000);
        writer.TryWriteAttribute(RadiusAttributeType.CallingStationId, "66-77-88-99-AA-BB"u8);
        var packet = writer.Complete();
        RadiusSigner.SignComputedRequest(packet, secret);
        return packet.ToArray();
    }

    /// <summary>Parses and visits every attribute, as a request decoder does; returns a checksum.</summary>
    public static int Walk(ReadOnlySpan<byte> datagram)
    {
        if (RadiusPacketReader.TryParse(datagram, out var reader) != RadiusParseError.None)
        {
            return -1;
        }

        int sum = reader.Identifier;
        foreach (var attribute in reader)
        {
            sum += attribute.Type + attribute.Value.Length;
        }

        return sum;
    }
}
