using CSELearning.Web.Domain.Reflections;

namespace CSELearning.Web.Features.Reflections;

public sealed class LogForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Feelings { get; set; }
    public string? Evaluation { get; set; }
    public string? Analysis { get; set; }
    public string? Conclusion { get; set; }
    public string? ActionPlan { get; set; }
    public int Version { get; set; }

    public ReflectionText ToText() => new((Title ?? "").Trim(), new Dictionary<GibbsStage, string>
    {
        [GibbsStage.Description] = Description ?? "",
        [GibbsStage.Feelings] = Feelings ?? "",
        [GibbsStage.Evaluation] = Evaluation ?? "",
        [GibbsStage.Analysis] = Analysis ?? "",
        [GibbsStage.Conclusion] = Conclusion ?? "",
        [GibbsStage.ActionPlan] = ActionPlan ?? "",
    });

    public static LogForm From(ReflectionText text, int version) => new()
    {
        Title = text.Title,
        Description = text.Stage(GibbsStage.Description),
        Feelings = text.Stage(GibbsStage.Feelings),
        Evaluation = text.Stage(GibbsStage.Evaluation),
        Analysis = text.Stage(GibbsStage.Analysis),
        Conclusion = text.Stage(GibbsStage.Conclusion),
        ActionPlan = text.Stage(GibbsStage.ActionPlan),
        Version = version,
    };

    // The form field that holds a stage: the view names its textareas by these.
    public static string FieldName(GibbsStage stage) => stage.ToString();
}
