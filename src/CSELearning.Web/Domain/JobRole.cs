using System.ComponentModel.DataAnnotations;

namespace CSELearning.Web.Domain;

// What a person does for a living; modules are aimed at job roles.
public enum JobRole
{
    [Display(Name = "Social worker")] SocialWorker = 1,
    [Display(Name = "Police officer or staff")] Police = 2,
    [Display(Name = "Health practitioner")] Health = 3,
    [Display(Name = "Youth worker")] YouthWorker = 4,
    [Display(Name = "Support worker")] SupportWorker = 5,
    [Display(Name = "Education staff")] Education = 6,
    [Display(Name = "Residential care worker")] ResidentialCare = 7,
    [Display(Name = "Manager or supervisor")] Manager = 8,
    [Display(Name = "Commissioner")] Commissioner = 9,
    [Display(Name = "Other")] Other = 10,
}
