using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CSELearning.Web.Infrastructure.Web.TagHelpers;

/// <summary>
/// GOV.UK form fields bound to a model property: the label, hint and error message wired to the control
/// with ids and aria-describedby, so every field reads the same to a screen reader.
/// <c>&lt;app-input asp-for="Email" type="email" autocomplete="email" hint="..." /&gt;</c>
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("label")] public string? Label { get; set; }
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("label-class")] public string LabelClass { get; set; } = "govuk-label";
    [HtmlAttributeName("field-class")] public string? FieldClass { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;
    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");
    protected string? Error => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
        ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to show: what was posted if the form came back with errors, else the model's.</summary>
    protected string? Value => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
        ? entry.AttemptedValue
        : For.Model switch { null => null, bool b => b ? "true" : "false", Enum e => e.ToString(), var m => Convert.ToString(m, System.Globalization.CultureInfo.InvariantCulture) };

    protected abstract void WriteControl(TagHelperContent content, string describedBy, bool hasError);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var hintId = $"{Id}-hint";
        var errorId = $"{Id}-error";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, error is null ? null : errorId }.Where(s => s is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        var content = output.Content;
        content.AppendHtml($"<label class=\"{LabelClass}\" for=\"{Id}\">");
        content.Append(Label ?? For.Metadata.DisplayName ?? For.Name);
        content.AppendHtml("</label>");
        if (Hint is not null)
        {
            content.AppendHtml($"<div id=\"{hintId}\" class=\"govuk-hint\">");
            content.Append(Hint);
            content.AppendHtml("</div>");
        }
        if (error is not null)
        {
            content.AppendHtml($"<p id=\"{errorId}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
            content.Append(error);
            content.AppendHtml("</p>");
        }
        WriteControl(content, describedBy, error is not null);
    }

    protected static string Attr(string value) => HtmlEncoder.Default.Encode(value);
}

[HtmlTargetElement("app-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("spellcheck")] public bool? Spellcheck { get; set; }

    protected override void WriteControl(TagHelperContent content, string describedBy, bool hasError)
    {
        var css = $"govuk-input {FieldClass} {(hasError ? "govuk-input--error" : "")}".Trim();
        content.AppendHtml($"<input class=\"{css}\" id=\"{Id}\" name=\"{Attr(Name)}\" type=\"{Attr(Type)}\"");
        // Passwords are never written back into the page.
        if (Type != "password" && Value is { } value) content.AppendHtml($" value=\"{Attr(value)}\"");
        if (Autocomplete is not null) content.AppendHtml($" autocomplete=\"{Attr(Autocomplete)}\"");
        if (Spellcheck is not null) content.AppendHtml($" spellcheck=\"{(Spellcheck.Value ? "true" : "false")}\"");
        if (describedBy.Length > 0) content.AppendHtml($" aria-describedby=\"{describedBy}\"");
        content.AppendHtml(">");
    }
}

[HtmlTargetElement("app-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("asp-items")] public IEnumerable<SelectListItem> Items { get; set; } = [];
    [HtmlAttributeName("empty-option")] public string? EmptyOption { get; set; }

    protected override void WriteControl(TagHelperContent content, string describedBy, bool hasError)
    {
        var css = $"govuk-select {FieldClass} {(hasError ? "govuk-select--error" : "")}".Trim();
        content.AppendHtml($"<select class=\"{css}\" id=\"{Id}\" name=\"{Attr(Name)}\"");
        if (describedBy.Length > 0) content.AppendHtml($" aria-describedby=\"{describedBy}\"");
        content.AppendHtml(">");
        var selected = Value;
        if (EmptyOption is not null)
        {
            content.AppendHtml("<option value=\"\">");
            content.Append(EmptyOption);
            content.AppendHtml("</option>");
        }
        foreach (var item in Items)
        {
            var isSelected = string.Equals(item.Value, selected, StringComparison.OrdinalIgnoreCase);
            content.AppendHtml($"<option value=\"{Attr(item.Value)}\"{(isSelected ? " selected" : "")}>");
            content.Append(item.Text);
            content.AppendHtml("</option>");
        }
        content.AppendHtml("</select>");
    }
}
