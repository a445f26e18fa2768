using System.ComponentModel.DataAnnotations;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.Web.Features.Account;

public abstract class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Your password must be between 12 and 128 characters")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter your new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm new password")]
    public string ConfirmPassword { get; set; } = "";
}
