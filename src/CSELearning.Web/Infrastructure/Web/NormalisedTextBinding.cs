using System.ComponentModel.DataAnnotations;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace CSELearning.Web.Infrastructure.Web;

/// <summary>
/// Every string bound from a form, a route or a query arrives in the form the site stores (Unicode NFC, line breaks
/// as \n), so that what the domain's rules check, count and keep is what the person sees. Passwords are the
/// exception: their hashes were made from the characters as typed.
/// </summary>
public sealed class NormalisedTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.DataTypeName == nameof(DataType.Password)) return null;
        // A body, a header or a service is bound by its own binder; only values from the value providers come here.
        if (context.BindingInfo.BindingSource is { } source && (source.IsGreedy || source == BindingSource.Header)) return null;
        return new NormalisedTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }

    private sealed class NormalisedTextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text })
                bindingContext.Result = ModelBindingResult.Success(TextInput.Normalise(text));
        }
    }
}
