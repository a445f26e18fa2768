using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Reflective logs (text encrypted), supervisors' comments, shares, and the append-only audit trail.
[DbContext(typeof(AppDbContext))]
[Migration("20261121170000_ReflectiveLogs")]
public sealed class ReflectiveLogs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                ActorId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Detail = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ReflectiveLogs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: true),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: true),
                PromptId = table.Column<string>(maxLength: 100, nullable: true),
                ProtectedText = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                SharedAt = table.Column<DateTime>(nullable: true),
                SignedOffAt = table.Column<DateTime>(nullable: true),
                SignedOffById = table.Column<Guid>(nullable: true),
                RevisionRequestedAt = table.Column<DateTime>(nullable: true),
                RevisionRequestedById = table.Column<Guid>(nullable: true),
                ProtectedRevisionNote = table.Column<string>(nullable: true),
                ReopenedAt = table.Column<DateTime>(nullable: true),
                ReopenedById = table.Column<Guid>(nullable: true),
                ProtectedReopenReason = table.Column<string>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReflectiveLogs", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReflectiveLogs_AspNetUsers_AuthorId",
                    column: x => x.AuthorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "LogShares",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LogId = table.Column<Guid>(nullable: false),
                SupervisorId = table.Column<Guid>(nullable: false),
                SharedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LogShares", x => x.Id);
                table.ForeignKey(
                    name: "FK_LogShares_AspNetUsers_SupervisorId",
                    column: x => x.SupervisorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_LogShares_ReflectiveLogs_LogId",
                    column: x => x.LogId,
                    principalTable: "ReflectiveLogs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReviewComments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LogId = table.Column<Guid>(nullable: false),
                SupervisorId = table.Column<Guid>(nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                ProtectedText = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewComments", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReviewComments_AspNetUsers_SupervisorId",
                    column: x => x.SupervisorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ReviewComments_ReflectiveLogs_LogId",
                    column: x => x.LogId,
                    principalTable: "ReflectiveLogs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_AuditEntries_At", table: "AuditEntries", column: "At");
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_OwnerId_At", table: "AuditEntries", columns: new[] { "OwnerId", "At" });
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_SubjectId_At", table: "AuditEntries", columns: new[] { "SubjectId", "At" });
        migrationBuilder.CreateIndex(name: "IX_ReflectiveLogs_AuthorId_UpdatedAt", table: "ReflectiveLogs", columns: new[] { "AuthorId", "UpdatedAt" });
        migrationBuilder.CreateIndex(name: "IX_ReflectiveLogs_Status_SharedAt", table: "ReflectiveLogs", columns: new[] { "Status", "SharedAt" });
        migrationBuilder.CreateIndex(name: "IX_LogShares_LogId", table: "LogShares", column: "LogId");
        migrationBuilder.CreateIndex(name: "IX_LogShares_SupervisorId", table: "LogShares", column: "SupervisorId");
        migrationBuilder.CreateIndex(name: "IX_ReviewComments_LogId_CreatedAt", table: "ReviewComments", columns: new[] { "LogId", "CreatedAt" });
        migrationBuilder.CreateIndex(name: "IX_ReviewComments_SupervisorId", table: "ReviewComments", column: "SupervisorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReviewComments");
        migrationBuilder.DropTable(name: "LogShares");
        migrationBuilder.DropTable(name: "ReflectiveLogs");
        migrationBuilder.DropTable(name: "AuditEntries");
    }
}
