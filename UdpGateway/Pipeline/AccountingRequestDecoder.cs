using System.Buffers.Binary;
using System.Net;
using System.Text;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>Turns a validated Accounting-Request (RFC 2866, 2869) into the record the accounting grains store.</summary>
internal static class AccountingRequestDecoder
{
    /// <summary>
    /// Decodes the request; null when it lacks what a record needs (a known Acct-Status-Type, and an
    /// Acct-Session-Id unless it is Accounting-On/Off) or carries a value of the wrong size.
    /// </summary>
    /// <remarks>
    /// The event time is Event-Timestamp when the NAS sent one, else the arrival time less Acct-Delay-Time
    /// (RFC 2866 §5.2), so a retransmission with a larger delay still names the same event.
    /// </remarks>
    public static AccountingRecord? Decode(in RadiusPacketReader request, string nasName, DateTimeOffset receivedAt)
    {
        uint? status = null, sessionTime = null, inputOctets = null, outputOctets = null, inputGigawords = null, outputGigawords = null;
        uint? inputPackets = null, outputPackets = null, nasPort = null, terminateCause = null, interimInterval = null, delay = null, eventTimestamp = null;
        string? sessionId = null, userName = null, framedIp = null, calling = null, called = null;
        foreach (var attribute in request)
        {
            var value = attribute.Value;
            switch ((RadiusAttributeType)attribute.Type)
            {
                case RadiusAttributeType.AcctStatusType: status = Integer(value); break;
                case RadiusAttributeType.AcctSessionId: sessionId = Text(value); break;
                case RadiusAttributeType.UserName: userName ??= Text(value); break;
                case RadiusAttributeType.AcctSessionTime: sessionTime = Integer(value); break;
                case RadiusAttributeType.AcctInputOctets: inputOctets = Integer(value); break;
                case RadiusAttributeType.AcctOutputOctets: outputOctets = Integer(value); break;
                case RadiusAttributeType.AcctInputGigawords: inputGigawords = Integer(value); break;
                case RadiusAttributeType.AcctOutputGigawords: outputGigawords = Integer(value); break;
                case RadiusAttributeType.AcctInputPackets: inputPackets = Integer(value); break;
                case RadiusAttributeType.AcctOutputPackets: outputPackets = Integer(value); break;
                case RadiusAttributeType.NasPort: nasPort = Integer(value); break;
                case RadiusAttributeType.AcctTerminateCause: terminateCause = Integer(value); break;
                case RadiusAttributeType.AcctInterimInterval: interimInterval = Integer(value); break;
                case RadiusAttributeType.AcctDelayTime: delay = Integer(value); break;
                case RadiusAttributeType.EventTimestamp: eventTimestamp = Integer(value); break;
                case RadiusAttributeType.FramedIpAddress when value.Length == 4: framedIp = new IPAddress(value).ToString(); break;
                case RadiusAttributeType.CallingStationId: calling = Text(value); break;
                case RadiusAttributeType.CalledStationId: called = Text(value); break;
            }
        }

        if (status is not { } statusValue || !Enum.IsDefined((AccountingStatusType)statusValue))
        {
            return null;
        }

        var statusType = (AccountingStatusType)statusValue;
        if (statusType is AccountingStatusType.AccountingOn or AccountingStatusType.AccountingOff)
        {
            sessionId ??= "";
        }
        else if (string.IsNullOrEmpty(sessionId))
        {
            return null;
        }

        var eventTime = eventTimestamp is { } seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt - TimeSpan.FromSeconds(delay ?? 0);
        return new AccountingRecord(
            nasName,
            sessionId!,
            statusType,
            userName,
            eventTime,
            sessionTime,
            Octets(inputOctets, inputGigawords),
            Octets(outputOctets, outputGigawords),
            inputPackets,
            outputPackets,
            framedIp,
            calling,
            called,
            nasPort,
            terminateCause,
            interimInterval,
            delay);
    }

    private static ulong? Octets(uint? octets, uint? gigawords) =>
        octets is null && gigawords is null ? null : AccountingRecord.FoldGigawords(octets ?? 0, gigawords ?? 0);

    // A wrong-sized integer is ignored rather than guessed at; the attribute then counts as absent.
    private static uint? Integer(ReadOnlySpan<byte> value) => value.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : null;

    private static string Text(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);
}
