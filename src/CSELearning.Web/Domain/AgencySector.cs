using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Domain;

public enum AgencySector
{
    [Display(Name = "Police")] Police = 1,
    [Display(Name = "Health")] Health = 2,
    [Display(Name = "Children's social care")] ChildrensSocialCare = 3,
    [Display(Name = "Education")] Education = 4,
    [Display(Name = "Youth services")] YouthServices = 5,
    [Display(Name = "Voluntary sector")] VoluntarySector = 6,
    [Display(Name = "Housing")] Housing = 7,
    [Display(Name = "Other")] Other = 8,
}
