namespace Orleans.Radius.Silo.Admin;

/// <summary>The admin API's error answers: RFC 9457 problem details, with every problem listed under <c>problems</c>.</summary>
internal static class AdminProblems
{
    public static IResult BadRequest(string title, IEnumerable<string> problems) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["problems"] = problems.ToList() });

    public static IResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict);
}
