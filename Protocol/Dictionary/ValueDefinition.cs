namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>A named value of an enumerated attribute (a dictionary <c>VALUE</c> line).</summary>
/// <param name="Attribute">The attribute the name belongs to.</param>
/// <param name="Name">The value's name, unique per attribute (compared without case).</param>
/// <param name="Number">The number sent on the wire.</param>
public sealed record ValueDefinition(AttributeDefinition Attribute, string Name, uint Number);
