using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Authors' replies to comments on a stage of their log, and each person's unsent text in a log's review forms
// (both encrypted, as the log is).
[DbContext(typeof(AppDbContext))]
[Migration("20261207161000_ReviewThreads")]
public sealed class ReviewThreads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommentReplies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LogId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                ProtectedText = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommentReplies", x => x.Id);
                table.ForeignKey(
                    name: "FK_CommentReplies_AspNetUsers_AuthorId",
                    column: x => x.AuthorId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CommentReplies_ReflectiveLogs_LogId",
                    column: x => x.LogId,
                    principalTable: "ReflectiveLogs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CommentReplies_AuthorId", table: "CommentReplies", column: "AuthorId");
        migrationBuilder.CreateIndex(name: "IX_CommentReplies_LogId_CreatedAt", table: "CommentReplies", columns: ["LogId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "FormDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                LogId = table.Column<Guid>(nullable: false),
                Form = table.Column<string>(maxLength: 20, nullable: false),
                ProtectedText = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormDrafts", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormDrafts_AspNetUsers_OwnerId",
                    column: x => x.OwnerId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormDrafts_ReflectiveLogs_LogId",
                    column: x => x.LogId,
                    principalTable: "ReflectiveLogs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_FormDrafts_LogId", table: "FormDrafts", column: "LogId");
        migrationBuilder.CreateIndex(name: "IX_FormDrafts_OwnerId_LogId_Form", table: "FormDrafts", columns: ["OwnerId", "LogId", "Form"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "FormDrafts");
        migrationBuilder.DropTable(name: "CommentReplies");
    }
}
