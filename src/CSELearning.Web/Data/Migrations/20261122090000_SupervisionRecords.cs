using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Supervision records (notes encrypted), their actions, the logs they discussed, and supervisees' comments.
[DbContext(typeof(AppDbContext))]
[Migration("20261122090000_SupervisionRecords")]
public sealed class SupervisionRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SupervisionRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SupervisorId = table.Column<Guid>(nullable: false),
                SuperviseeId = table.Column<Guid>(nullable: false),
                SessionDate = table.Column<DateOnly>(nullable: false),
                NextSessionDate = table.Column<DateOnly>(nullable: true),
                ProtectedNotes = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                SupervisorSignedAt = table.Column<DateTime>(nullable: true),
                SuperviseeSignedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupervisionRecords", x => x.Id);
                table.ForeignKey(
                    name: "FK_SupervisionRecords_AspNetUsers_SuperviseeId",
                    column: x => x.SuperviseeId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SupervisionRecords_AspNetUsers_SupervisorId",
                    column: x => x.SupervisorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SupervisionActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecordId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                ProtectedDescription = table.Column<string>(nullable: false),
                Owner = table.Column<string>(maxLength: 20, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CarriedFromId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupervisionActions", x => x.Id);
                table.ForeignKey(
                    name: "FK_SupervisionActions_SupervisionActions_CarriedFromId",
                    column: x => x.CarriedFromId,
                    principalTable: "SupervisionActions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SupervisionActions_SupervisionRecords_RecordId",
                    column: x => x.RecordId,
                    principalTable: "SupervisionRecords",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DiscussedLogs",
            columns: table => new
            {
                RecordId = table.Column<Guid>(nullable: false),
                LogId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DiscussedLogs", x => new { x.RecordId, x.LogId });
                table.ForeignKey(
                    name: "FK_DiscussedLogs_ReflectiveLogs_LogId",
                    column: x => x.LogId,
                    principalTable: "ReflectiveLogs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DiscussedLogs_SupervisionRecords_RecordId",
                    column: x => x.RecordId,
                    principalTable: "SupervisionRecords",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SupervisionComments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecordId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                ProtectedText = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupervisionComments", x => x.Id);
                table.ForeignKey(
                    name: "FK_SupervisionComments_AspNetUsers_AuthorId",
                    column: x => x.AuthorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SupervisionComments_SupervisionRecords_RecordId",
                    column: x => x.RecordId,
                    principalTable: "SupervisionRecords",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_SupervisorId_SuperviseeId_SessionDate", table: "SupervisionRecords", columns: new[] { "SupervisorId", "SuperviseeId", "SessionDate" });
        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_SuperviseeId_SessionDate", table: "SupervisionRecords", columns: new[] { "SuperviseeId", "SessionDate" });
        migrationBuilder.CreateIndex(name: "IX_SupervisionActions_RecordId_Position", table: "SupervisionActions", columns: new[] { "RecordId", "Position" });
        migrationBuilder.CreateIndex(name: "IX_SupervisionActions_CarriedFromId", table: "SupervisionActions", column: "CarriedFromId");
        migrationBuilder.CreateIndex(name: "IX_DiscussedLogs_LogId", table: "DiscussedLogs", column: "LogId");
        migrationBuilder.CreateIndex(name: "IX_SupervisionComments_RecordId_CreatedAt", table: "SupervisionComments", columns: new[] { "RecordId", "CreatedAt" });
        migrationBuilder.CreateIndex(name: "IX_SupervisionComments_AuthorId", table: "SupervisionComments", column: "AuthorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SupervisionComments");
        migrationBuilder.DropTable(name: "DiscussedLogs");
        migrationBuilder.DropTable(name: "SupervisionActions");
        migrationBuilder.DropTable(name: "SupervisionRecords");
    }
}
