namespace CSELearning.Web.Features.Reporting;

// A horizontal bar chart drawn on the server as SVG (_BarChart.cshtml). Each chart sits beside a table of
// the same figures, which is what screen readers and keyboard users read; suppressed figures get no bar.
public sealed record BarChart(string Id, string Description, IReadOnlyList<BarChart.Bar> Bars, double Maximum)
{
    public sealed record Bar(string Label, Figure Value);

    public const int LabelWidth = 320, BarWidth = 360, RowHeight = 28, Top = 8;

    public int Height => Top + Bars.Count * RowHeight + 8;

    // The bar's length for a value, in the chart's units; 0 for nothing to draw.
    public double Length(Figure figure) => figure.Value is { } value && Maximum > 0 ? Math.Round(BarWidth * Math.Min(value, Maximum) / Maximum, 1) : 0;

    public static string Shorten(string text) => text.Length <= 48 ? text : text[..45] + "…";
}
