using CSELearning.Web.Content;
using Microsoft.Extensions.Options;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// What stops start-up on purpose, told to the operator: settings that are missing or wrong, and learning content
/// with problems, each ending the program with exit code 1. Anything else is a fault and is left to surface as one.
/// </summary>
public static class StartupFailures
{
    public static async Task<int> ReportAsync(TextWriter error, Func<Task<int>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception ex) when (ex is OptionsValidationException || ex is AggregateException { InnerExceptions: var inner } && inner.All(e => e is OptionsValidationException))
        {
            // Several settings can be wrong at once: the start-up check reports them together, and so does this.
            var failures = ex is AggregateException all ? all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures) : ((OptionsValidationException)ex).Failures;
            error.WriteLine("CSELearning cannot start because of its configuration:");
            foreach (var failure in failures) error.WriteLine($"  {failure}");
            return 1;
        }
        catch (ContentValidationException ex)
        {
            error.WriteLine($"CSELearning cannot start because the learning content in {ex.Directory} has problems:");
            foreach (var problem in ex.Problems) error.WriteLine($"  {problem}");
            error.WriteLine("Run 'validate-content' to check the content without starting the site.");
            return 1;
        }
    }
}
