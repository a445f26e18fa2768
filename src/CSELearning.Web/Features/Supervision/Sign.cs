using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;

namespace CSELearning.Web.Features.Supervision;

// Signing is final, so the supervisor signs in two steps: "Sign this record" in the editor saves what the form
// holds (refused with the text kept, as a save is) and shows what signing will lock; only "Yes, sign this record"
// there signs. The supervisee's acknowledgement is confirmed the same way (Acknowledge).
public static class Sign
{
    public sealed record Model(Guid Id, int Version, string SuperviseeName, DateOnly SessionDate, int ActionCount, int LogCount,
        IReadOnlyList<string> WrittenSections);

    public sealed class Input
    {
        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, RecordAccess access, Open.Handler open, Save.Handler save)
    {
        // From the editor (the whole form). A supervisee's record page from before acknowledging was confirmed posts
        // here too (the version alone): it is sent to confirm, and nothing is locked.
        public async Task<HandlerResult> HandleAsync(ClaimsPrincipal principal, Guid id, RecordForm form, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (_, party)) return new NotFound();
            if (party == Party.Supervisee) return new Done(Acknowledge.ConfirmUrl(id));

            // A form with no session date is not the editor's (a page from before signing was confirmed): nothing to save.
            if (form.SessionDate is null) return Confirm(id);
            return await save.HandleAsync(principal, id, form, cancellationToken) switch
            {
                Save.Saved => Confirm(id),
                Page<Open.Model> refused => refused with
                {
                    Model = refused.Model with { Problem = (refused.Model.Problem is { } problem ? problem + " " : "") + "Nothing was signed: your text is still in the form." },
                },
                var other => other,
            };
        }

        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            if (party != Party.Supervisor) return new Forbidden();
            if (record.Status != RecordStatus.Draft) return new Done($"/supervision/records/{id}");
            var view = await open.ModelAsync(record, party, new Open.Refusal(), cancellationToken);
            var written = new[] { SessionField.Attendees, SessionField.Agenda, SessionField.Discussion, SessionField.Wellbeing, SessionField.Decisions }
                .Where(f => !string.IsNullOrWhiteSpace(view.Notes[f])).Select(f => f.Heading()).ToList();
            return new Page<Model>(new Model(id, record.Version, view.SuperviseeName, record.SessionDate, record.Actions.Count, record.DiscussedLogs.Count, written));
        }

        public async Task<HandlerResult> ConfirmAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (_, party)) return new NotFound();
            if (party != Party.Supervisor) return new Forbidden();
            return await SignAsync(principal, id, input.Version, cancellationToken);
        }

        private static Done Confirm(Guid id) => new($"/supervision/records/{id}/sign");

        private async Task<HandlerResult> SignAsync(ClaimsPrincipal principal, Guid id, int version, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, cancellationToken) is not var (record, party)) return new NotFound();
            var now = access.Now;
            var refused = await db.SaveOrRefuseAsync(() =>
            {
                record.SignAsSupervisor(record.SupervisorId, version, protector, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.SupervisionRecordSigned, record.SupervisorId, record.Id, record.SuperviseeId, now));
                db.Notifications.Add(Notifications.SignatureWaitingNotice.For(record, now));
            }, cancellationToken);
            if (refused is null) return new Done($"/supervision/records/{id}", "Record signed: your supervisee can now acknowledge it");

            var current = await access.OpenAsync(principal, id, cancellationToken);
            if (current is null) return new NotFound();
            return new Page<Open.Model>(await open.ModelAsync(current.Value.Record, party,
                new Open.Refusal(refused.Message ?? "This record changed while you were signing it, so it was not signed.", refused.Conflict), cancellationToken),
                refused.StatusCode);
        }
    }
}
